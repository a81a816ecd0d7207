import { requirePermission } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { dismissClaimSchema, restoreClaimSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import { type ClaimRow, claimForEdit, claimSnapshot, updateClaimRow } from "./claim-row";
import { nextStatus, refusalMessage } from "./transitions";

/** Takes a claim off the list with a reason; the workflow table says from which states. */
export async function dismissClaim(ctx: Ctx, input: unknown): Promise<ClaimRow> {
  requirePermission(ctx.user, "claims.edit");
  const data = parseInput(dismissClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim } = await claimForEdit(tx, ctx, data.claimId, data.version);
    const status = nextStatus(claim.status, "dismiss");
    if (!status) throw new ForbiddenError(refusalMessage(claim.status, "dismiss"));
    const updated = await updateClaimRow(tx, claim, { status, dismissReason: data.reason });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.dismiss",
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

/** Brings a dismissed claim back as open. */
export async function restoreClaim(ctx: Ctx, input: unknown): Promise<ClaimRow> {
  requirePermission(ctx.user, "claims.edit");
  const data = parseInput(restoreClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim } = await claimForEdit(tx, ctx, data.claimId, data.version);
    const status = nextStatus(claim.status, "restore");
    if (!status) throw new ForbiddenError(refusalMessage(claim.status, "restore"));
    const updated = await updateClaimRow(tx, claim, { status, dismissReason: null });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.restore",
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
