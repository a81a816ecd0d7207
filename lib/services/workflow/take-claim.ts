import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import { auditClaimChange, loadForChange, writeClaim } from "@/lib/services/claims/claim-change";
import { ACTION_PERMISSION } from "@/lib/services/claims/transitions";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { claimRefSchema } from "@/lib/validation/workflow";

/**
 * A reviewer takes an open claim (`take`), or its assignee starts work on it (`start_review`):
 * either way it moves under review with an owner. Taking makes it the taker's; starting keeps
 * its assignee, and an unassigned claim becomes the starter's, so work in progress always has one.
 */
export async function moveUnderReview(ctx: Ctx, input: unknown, action: "take" | "start_review") {
  requirePermission(ctx.actor, ACTION_PERMISSION[action]);
  const data = parseInput(claimRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await loadForChange(tx, ctx.actor, data, action);
    const assigneeId = action === "take" ? ctx.actor.id : (claim.assigneeId ?? ctx.actor.id);
    const after = await writeClaim(tx, claim, { status, assigneeId });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: `claim.${action}`,
      before: { status: claim.status, assigneeId: claim.assigneeId },
      after: { status: after.status, assigneeId: after.assigneeId },
    });
    return after;
  });
}

/** A reviewer takes an open claim: it becomes theirs and moves under review. */
export function takeClaim(ctx: Ctx, input: z.input<typeof claimRefSchema>) {
  return moveUnderReview(ctx, input, "take");
}
