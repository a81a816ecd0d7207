import { requirePermission } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { claimRefSchema } from "@/lib/validation/workflow";
import {
  assertCanAct,
  assertClaimVersion,
  lockClaim,
  requireTransition,
  updateClaim,
} from "./claim-lock";

/** A reviewer takes an open claim: it becomes theirs and moves under review. */
export async function takeClaim(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "claims.take");
  const data = parseInput(claimRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const claim = await lockClaim(tx, data.claimId);
    assertCanAct(ctx.user, claim);
    await assertClaimVersion(tx, claim, data.version);
    const status = requireTransition(claim, "take");
    if (claim.assigneeId && claim.assigneeId !== ctx.user.id) {
      throw new ValidationError("This claim is assigned to someone else.");
    }
    const after = await updateClaim(tx, claim, { status, assigneeId: ctx.user.id });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.take",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      before: { status: claim.status, assigneeId: claim.assigneeId },
      after: { status: after.status, assigneeId: after.assigneeId },
    });
    return after;
  });
}
