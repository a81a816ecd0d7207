import { requirePermission } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { updateClaimSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import {
  type ClaimRow,
  checkedSpan,
  claimForEdit,
  claimSnapshot,
  refuseIfApproved,
  updateClaimRow,
} from "./claim-row";

/** Re-spans a claim (a new selection) and/or changes its kind and values. */
export async function updateClaim(ctx: Ctx, input: unknown): Promise<ClaimRow> {
  requirePermission(ctx.user, "claims.edit");
  const data = parseInput(updateClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, body } = await claimForEdit(tx, ctx, data.claimId, data.version);
    refuseIfApproved(claim);
    if (data.span && claim.status === "pending_approval") {
      // The proposed verdict is about this exact text; an editor returns it to review first.
      throw new ForbiddenError(
        "A claim pending approval keeps its text: an editor can return it to review first.",
      );
    }
    const span = data.span ? checkedSpan(body, data.span) : undefined;
    const values = data.values ?? claim.values;
    const updated = await updateClaimRow(tx, claim, {
      ...span,
      kind: data.kind ?? claim.kind,
      values,
      speaker: typeof values.speaker === "string" ? values.speaker : claim.speaker,
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: span ? "claim.respan" : "claim.update",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      before: claimSnapshot(claim),
      after: claimSnapshot(updated),
    });
    return updated;
  });
}
