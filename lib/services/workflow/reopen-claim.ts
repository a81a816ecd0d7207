import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import { auditClaimChange, loadForChange, writeClaim } from "@/lib/services/claims/claim-change";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { reopenClaimSchema } from "@/lib/validation/workflow";
import { claimVerdictsIn, setVerdictState } from "./current-proposal";
import { recordReopenCorrection } from "./record-correction";

/**
 * An editor reopens an approved claim with a reason. The approved verdict stays in the history as
 * superseded; when the article's report is public, the change is logged as a correction.
 *
 * Reopened for a re-check (`forRecheck`), the re-check date is cleared as well: it has come, and
 * left in place it would make the claim due again the moment the new verdict is approved. The
 * old date stays in the audit row; whoever checks again sets the next one.
 */
export async function reopenClaim(ctx: Ctx, input: z.input<typeof reopenClaimSchema>) {
  requirePermission(ctx.actor, "verdicts.reopen");
  const data = parseInput(reopenClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await loadForChange(tx, ctx.actor, data, "reopen");
    await setVerdictState(tx, claimVerdictsIn(claim.id, "approved"), { state: "superseded" });
    const after = await writeClaim(tx, claim, {
      status,
      rating: null,
      approvedAt: null,
      ...(data.forRecheck ? { recheckOn: null, recheckReason: null } : {}),
    });
    const correctionId = await recordReopenCorrection(tx, {
      claim,
      reason: data.reason,
      actorId: ctx.actor.id,
    });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "claim.reopen",
      before: {
        status: claim.status,
        rating: claim.rating,
        ...(data.forRecheck ? { recheckOn: claim.recheckOn } : {}),
      },
      after: {
        status: after.status,
        reason: data.reason,
        correctionId,
        ...(data.forRecheck ? { forRecheck: true } : {}),
      },
    });
    return { claim: after, correctionId };
  });
}
