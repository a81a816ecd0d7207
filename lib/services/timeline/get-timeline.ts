import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditEntryColumns, auditEvents, users } from "@/db/schema";
import { describeEvent, type TimelineEntry } from "./describe";

/** The claim's history from audit_events, oldest first: who did what and when. */
export async function getClaimTimeline(db: Executor, claimId: string): Promise<TimelineEntry[]> {
  const events = await db
    .select({ ...auditEntryColumns, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.claimId, claimId))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  const ids = new Set<string>();
  for (const event of events) {
    for (const side of [event.before, event.after]) {
      const value = (side as Record<string, unknown> | null)?.assigneeId;
      if (typeof value === "string") ids.add(value);
    }
  }
  const names = new Map<string, string>();
  if (ids.size > 0) {
    const rows = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...ids]));
    for (const row of rows) names.set(row.id, row.name);
  }
  return events.map((event) => describeEvent(event, names));
}
