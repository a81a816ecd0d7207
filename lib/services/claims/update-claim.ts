import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { updateClaimSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import { auditClaimChange, loadForChange, writeClaim } from "./claim-change";
import { claimSnapshot } from "./claim-row";
import { checkedSpan, claimBody } from "./span";

/** Re-spans a claim (a new selection) and/or changes its kind and values. */
export async function updateClaim(ctx: Ctx, input: z.input<typeof updateClaimSchema>) {
  requirePermission(ctx.actor, "claims.edit");
  const data = parseInput(updateClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const change = data.span ? "respan" : "edit";
    const { claim } = await loadForChange(tx, ctx.actor, data, change);
    const body = await claimBody(tx, claim);
    const span = data.span ? checkedSpan(body, data.span) : undefined;
    const values = data.values ?? claim.values;
    const updated = await writeClaim(tx, claim, {
      ...span,
      kind: data.kind ?? claim.kind,
      values,
      speaker: typeof values.speaker === "string" ? values.speaker : claim.speaker,
    });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: span ? "claim.respan" : "claim.update",
      before: claimSnapshot(claim),
      after: claimSnapshot(updated),
    });
    return updated;
  });
}
