import type { Executor } from "@/db/client";
import { auditEvents, type NewAuditEvent } from "@/db/schema";

export type AuditInput = Omit<NewAuditEvent, "id" | "at">;

/** Writes one audit row per change (one statement for many); call it with the transaction that makes the change. */
export async function recordAudit(tx: Executor, events: AuditInput | AuditInput[]): Promise<void> {
  const rows = Array.isArray(events) ? events : [events];
  if (rows.length > 0) await tx.insert(auditEvents).values(rows);
}
