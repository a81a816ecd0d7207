import { eq, sql } from "drizzle-orm";
import { verdicts } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { claimRefSchema } from "@/lib/validation/workflow";
import { lockForAction, updateClaim } from "./claim-lock";
import { lockCurrentProposal } from "./current-proposal";

/**
 * An editor approves the pending proposal. The proposer never approves their own verdict (the
 * two-person rule), and the claim row lock with its version check lets exactly one of many
 * simultaneous approvals through.
 */
export async function approveVerdict(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "verdicts.approve");
  const data = parseInput(claimRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await lockForAction(tx, ctx.user, data, "approve");
    const proposal = await lockCurrentProposal(tx, claim.id);
    if (proposal.proposedBy === ctx.user.id) {
      throw new ForbiddenError(
        "You proposed this verdict, so another editor must approve it (two-person rule).",
      );
    }
    const now = new Date();
    const [verdict] = await tx
      .update(verdicts)
      .set({
        state: "approved",
        approvedBy: ctx.user.id,
        approvedAt: now,
        version: sql`${verdicts.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(verdicts.id, proposal.id))
      .returning();
    const after = await updateClaim(tx, claim, {
      status,
      rating: proposal.rating,
      approvedAt: now,
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "verdict.approve",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      before: { status: claim.status, rating: claim.rating },
      after: {
        status: after.status,
        rating: after.rating,
        verdictId: proposal.id,
        proposedBy: proposal.proposedBy,
      },
    });
    return { claim: after, verdict };
  });
}
