import { requirePermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { assignClaimSchema } from "@/lib/validation/workflow";
import { requireActiveAssignee } from "./assignees";
import { assertClaimVersion, lockClaim, requireTransition, updateClaim } from "./claim-lock";

/** An editor assigns, reassigns or unassigns a claim; its status does not move. */
export async function assignClaim(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "claims.assign");
  const data = parseInput(assignClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const claim = await lockClaim(tx, data.claimId);
    await assertClaimVersion(tx, claim, data.version);
    requireTransition(claim, "assign");
    if (data.assigneeId) await requireActiveAssignee(tx, data.assigneeId);
    const after = await updateClaim(tx, claim, { assigneeId: data.assigneeId });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.assign",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      before: { assigneeId: claim.assigneeId },
      after: { assigneeId: after.assigneeId },
    });
    return after;
  });
}
