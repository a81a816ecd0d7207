import type { Executor } from "@/db/client";
import { auditEvents, type NewAuditEvent } from "@/db/schema";

export type AuditInput = Omit<NewAuditEvent, "id" | "at">;

/** Writes one audit row; call it with the transaction that makes the change. */
export async function recordAudit(tx: Executor, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values(event);
}
