import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import { auditClaimChange, loadForChange, writeClaim } from "@/lib/services/claims/claim-change";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { assignClaimSchema } from "@/lib/validation/workflow";
import { requireActiveAssignee } from "./assignees";

/** An editor assigns, reassigns or unassigns a claim; its status does not move. */
export async function assignClaim(ctx: Ctx, input: z.input<typeof assignClaimSchema>) {
  requirePermission(ctx.actor, "claims.assign");
  const data = parseInput(assignClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim } = await loadForChange(tx, ctx.actor, data, "assign");
    if (data.assigneeId) await requireActiveAssignee(tx, data.assigneeId);
    const after = await writeClaim(tx, claim, { assigneeId: data.assigneeId });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "claim.assign",
      before: { assigneeId: claim.assigneeId },
      after: { assigneeId: after.assigneeId },
    });
    return after;
  });
}
