import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { verdicts } from "@/db/schema";
import type { Rating, VerdictState } from "@/db/schema/constants";
import { ValidationError } from "@/lib/errors";
import { loadForChange, writeClaim } from "@/lib/services/claims/claim-change";
import type { ClaimRow } from "@/lib/services/claims/claim-row";
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

/**
 * The proposal itself, once a verb has loaded the claim for change: an earlier open proposal (none
 * should be left) is superseded so it never competes, the new one is written as the actor's, and
 * the claim moves to `status`, kept by its assignee or handed to the proposer. The caller audits.
 */
export async function submitProposal(
  tx: Tx,
  actor: SessionUser,
  claim: ClaimRow,
  status: ClaimRow["status"],
  proposal: { rating: Rating; rationale: string; reusedFromId?: string },
) {
  await setVerdictState(tx, claimVerdictsIn(claim.id, "proposed"), { state: "superseded" });
  const [verdict] = await tx
    .insert(verdicts)
    .values({ claimId: claim.id, state: "proposed", proposedBy: actor.id, ...proposal })
    .returning();
  if (!verdict) throw new Error("verdict insert returned no row");
  const after = await writeClaim(tx, claim, {
    status,
    assigneeId: claim.assigneeId ?? actor.id,
  });
  return { verdict, after };
}
