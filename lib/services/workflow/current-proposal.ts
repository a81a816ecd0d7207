import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { verdicts } from "@/db/schema";
import type { VerdictState } from "@/db/schema/constants";
import { ValidationError } from "@/lib/errors";
import { loadForChange } from "@/lib/services/claims/claim-change";
import { requireAllowed } from "@/lib/services/claims/claim-rules";
import type { SessionUser } from "@/lib/services/context";

/** The proposal an editor decides on, locked with its claim. */
export async function lockCurrentProposal(tx: Tx, claimId: string) {
  const [verdict] = await tx
    .select()
    .from(verdicts)
    .where(claimVerdictsIn(claimId, "proposed"))
    .orderBy(desc(verdicts.createdAt))
    .limit(1)
    .for("update");
  if (!verdict) throw new ValidationError("There is no proposed verdict on this claim.");
  return verdict;
}

/**
 * The start of an editor's decision on the pending proposal: the claim loaded for the change,
 * the proposal locked with it, and the rules asked again now that the proposal is known (the
 * proposer never approves their own verdict: the two-person rule).
 */
export async function loadDecision(
  tx: Tx,
  user: SessionUser,
  ref: { claimId: string; version: number },
  action: "approve" | "return",
) {
  const { claim, status } = await loadForChange(tx, user, ref, action);
  const proposal = await lockCurrentProposal(tx, claim.id);
  requireAllowed(user, claim, action, { proposedBy: proposal.proposedBy });
  return { claim, status, proposal };
}

/** Moves the verdicts `where` selects to a new state, bumping their versions (database clock). */
export function setVerdictState(
  tx: Tx,
  where: SQL | undefined,
  set: { state: VerdictState } & Omit<PgUpdateSetSource<typeof verdicts>, "state" | "version">,
) {
  return tx
    .update(verdicts)
    .set({ ...set, version: sql`${verdicts.version} + 1`, updatedAt: sql`now()` })
    .where(where)
    .returning();
}

/** The claim's verdicts in one state, for setVerdictState. */
export function claimVerdictsIn(claimId: string, state: VerdictState) {
  return and(eq(verdicts.claimId, claimId), eq(verdicts.state, state));
}
