import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { assignClaimSchema } from "@/lib/validation/workflow";
import { requireActiveAssignee } from "./assignees";
import { auditClaimChange, lockForAction, updateClaim } from "./claim-lock";

/** An editor assigns, reassigns or unassigns a claim; its status does not move. */
export async function assignClaim(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "claims.assign");
  const data = parseInput(assignClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim } = await lockForAction(tx, ctx.user, data, "assign");
    if (data.assigneeId) await requireActiveAssignee(tx, data.assigneeId);
    const after = await updateClaim(tx, claim, { assigneeId: data.assigneeId });
    await auditClaimChange(
      tx,
      ctx.user.id,
      claim,
      "claim.assign",
      { assigneeId: claim.assigneeId },
      { assigneeId: after.assigneeId },
    );
    return after;
  });
}
