import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { ConflictError } from "@/lib/errors";

/** "5 Jan 2026, 14:03 UTC": the same on the server and in any browser. */
export function formatTime(at: Date): string {
  const date = at.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return `${date}, ${at.toISOString().slice(11, 16)} UTC`;
}

/**
 * A stale write: names who changed the row last and when (from the audit log), and carries the
 * current row so the UI can show it next to the user's own input.
 */
export async function staleWriteError(
  db: Executor,
  entity: { type: "claim" | "article"; id: string; label: string },
  current: unknown,
): Promise<ConflictError> {
  const [last] = await db
    .select({ at: auditEvents.at, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, entity.type), eq(auditEvents.entityId, entity.id)))
    .orderBy(desc(auditEvents.at))
    .limit(1);
  const who = last
    ? `changed by ${last.name ?? "a removed user"} at ${formatTime(last.at)}`
    : "changed by someone else";
  return new ConflictError(
    `This ${entity.label} was ${who}. Review the newer version and apply your change again.`,
    current,
  );
}
