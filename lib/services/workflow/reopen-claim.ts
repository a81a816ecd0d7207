import { and, eq, sql } from "drizzle-orm";
import { verdicts } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { reopenClaimSchema } from "@/lib/validation/workflow";
import { auditClaimChange, lockForAction, updateClaim } from "./claim-lock";
import { recordReopenCorrection } from "./record-correction";

/**
 * An editor reopens an approved claim with a reason. The approved verdict stays in the history as
 * superseded; when the article's report is public, the change is logged as a correction.
 */
export async function reopenClaim(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "verdicts.reopen");
  const data = parseInput(reopenClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await lockForAction(tx, ctx.user, data, "reopen");
    await tx
      .update(verdicts)
      .set({ state: "superseded", version: sql`${verdicts.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(verdicts.claimId, claim.id), eq(verdicts.state, "approved")));
    const after = await updateClaim(tx, claim, { status, rating: null, approvedAt: null });
    const correctionId = await recordReopenCorrection(tx, {
      claim,
      reason: data.reason,
      actorId: ctx.user.id,
    });
    await auditClaimChange(
      tx,
      ctx.user.id,
      claim,
      "claim.reopen",
      { status: claim.status, rating: claim.rating },
      { status: after.status, reason: data.reason, correctionId },
    );
    return { claim: after, correctionId };
  });
}
