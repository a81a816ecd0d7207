import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { setRecheckSchema } from "@/lib/validation/recheck";
import { auditClaimChange, loadForChange, writeClaim } from "./claim-change";

/**
 * Sets or clears when a claim should be checked again, and why. Allowed on every claim but a
 * dismissed one, approved claims included (transitions.ts, `recheck`); a reviewer only on a claim
 * that is theirs or nobody's, like any change. Clearing the date clears its reason.
 */
export async function setRecheck(ctx: Ctx, input: z.input<typeof setRecheckSchema>) {
  requirePermission(ctx.actor, "claims.recheck");
  const data = parseInput(setRecheckSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim } = await loadForChange(tx, ctx.actor, data, "recheck");
    const recheckOn = data.recheckOn;
    const recheckReason = recheckOn ? data.reason : null;
    const after = await writeClaim(tx, claim, { recheckOn, recheckReason });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "claim.recheck",
      before: { recheckOn: claim.recheckOn, recheckReason: claim.recheckReason },
      after: { recheckOn, recheckReason },
    });
    return after;
  });
}
