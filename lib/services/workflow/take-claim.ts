import { requirePermission } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { claimRefSchema } from "@/lib/validation/workflow";
import { auditClaimChange, lockForAction, updateClaim } from "./claim-lock";

/** A reviewer takes an open claim: it becomes theirs and moves under review. */
export async function takeClaim(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "claims.take");
  const data = parseInput(claimRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await lockForAction(tx, ctx.user, data, "take");
    if (claim.assigneeId && claim.assigneeId !== ctx.user.id) {
      throw new ValidationError("This claim is assigned to someone else.");
    }
    const after = await updateClaim(tx, claim, { status, assigneeId: ctx.user.id });
    await auditClaimChange(
      tx,
      ctx.user.id,
      claim,
      "claim.take",
      { status: claim.status, assigneeId: claim.assigneeId },
      { status: after.status, assigneeId: after.assigneeId },
    );
    return after;
  });
}
