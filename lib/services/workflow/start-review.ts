import { requirePermission } from "@/lib/auth/permissions";
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

/**
 * The assignee of an open claim starts work on it. An unassigned claim becomes the starter's,
 * so that work in progress always has an owner.
 */
export async function startReview(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "claims.take");
  const data = parseInput(claimRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const claim = await lockClaim(tx, data.claimId);
    assertCanAct(ctx.user, claim);
    await assertClaimVersion(tx, claim, data.version);
    const status = requireTransition(claim, "start_review");
    const after = await updateClaim(tx, claim, {
      status,
      assigneeId: claim.assigneeId ?? ctx.user.id,
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.start_review",
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
