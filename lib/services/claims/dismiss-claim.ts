import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { dismissClaimSchema, restoreClaimSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import { auditClaimChange, loadForChange, writeClaim } from "./claim-change";
import { type ClaimRow, claimSnapshot } from "./claim-row";
import { ACTION_PERMISSION } from "./transitions";

/** Dismiss and restore: workflow transitions that set or clear the reason with the status. */
async function moveDismissal(
  ctx: Ctx,
  action: "dismiss" | "restore",
  input: unknown,
): Promise<ClaimRow> {
  requirePermission(ctx.actor, ACTION_PERMISSION[action]);
  const data =
    action === "dismiss"
      ? parseInput(dismissClaimSchema, input)
      : { ...parseInput(restoreClaimSchema, input), reason: null };
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await loadForChange(tx, ctx.actor, data, action);
    const updated = await writeClaim(tx, claim, { status, dismissReason: data.reason });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: `claim.${action}`,
      before: claimSnapshot(claim),
      after: claimSnapshot(updated),
    });
    return updated;
  });
}

/** Takes a claim off the list with a reason; the workflow table says from which states. */
export function dismissClaim(
  ctx: Ctx,
  input: z.input<typeof dismissClaimSchema>,
): Promise<ClaimRow> {
  return moveDismissal(ctx, "dismiss", input);
}

/** Brings a dismissed claim back as open. */
export function restoreClaim(
  ctx: Ctx,
  input: z.input<typeof restoreClaimSchema>,
): Promise<ClaimRow> {
  return moveDismissal(ctx, "restore", input);
}
