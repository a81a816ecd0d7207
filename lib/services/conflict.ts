import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { formatTime } from "@/lib/format-time";

/** "changed by NAME at TIME", from the entity's latest audit row. */
export async function describeLastChange(
  db: Executor,
  entity: { type: string; id: string },
  fallbackAt?: Date,
): Promise<string> {
  const [last] = await db
    .select({ at: auditEvents.at, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, entity.type), eq(auditEvents.entityId, entity.id)))
    .orderBy(desc(auditEvents.at))
    .limit(1);
  const at = last?.at ?? fallbackAt;
  if (!at) return "changed by someone else";
  return `changed by ${last?.name ?? "someone else"} at ${formatTime(at)}`;
}

/**
 * A stale write: names who changed the row last and when, and carries the current row so the UI
 * can show it next to the user's own input, which stays in the form.
 */
export async function staleWriteError(
  db: Executor,
  entity: { type: string; id: string; label: string; fallbackAt?: Date },
  current: unknown,
  advice = "Your input is kept: review the newer version and apply your change again.",
): Promise<ConflictError> {
  const who = await describeLastChange(db, entity, entity.fallbackAt);
  return new ConflictError(`This ${entity.label} was ${who}. ${advice}`, current);
}
