import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { claimRefSchema } from "@/lib/validation/workflow";
import { auditClaimChange, lockForAction, updateClaim } from "./claim-lock";

/**
 * The assignee of an open claim starts work on it. An unassigned claim becomes the starter's,
 * so that work in progress always has an owner.
 */
export async function startReview(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "claims.take");
  const data = parseInput(claimRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await lockForAction(tx, ctx.user, data, "start_review");
    const after = await updateClaim(tx, claim, {
      status,
      assigneeId: claim.assigneeId ?? ctx.user.id,
    });
    await auditClaimChange(
      tx,
      ctx.user.id,
      claim,
      "claim.start_review",
      { status: claim.status, assigneeId: claim.assigneeId },
      { status: after.status, assigneeId: after.assigneeId },
    );
    return after;
  });
}
