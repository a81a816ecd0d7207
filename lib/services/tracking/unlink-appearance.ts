import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { claimMatches, claims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { auditClaimChange, loadForChange, writeClaim } from "@/lib/services/claims/claim-change";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { unlinkAppearanceSchema } from "@/lib/validation/tracking";
import { lockTrackedClaims } from "./link-appearances";

/**
 * An editor takes an appearance out of its tracked claim. The "same claim" decisions that joined
 * it to the appearances left behind become "not the same", so the pair is not suggested again
 * and the claim page does not go on calling them the same claim.
 */
export async function unlinkAppearance(ctx: Ctx, input: z.input<typeof unlinkAppearanceSchema>) {
  requirePermission(ctx.actor, "tracked.edit");
  const data = parseInput(unlinkAppearanceSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [tracked] = await lockTrackedClaims(tx, [data.trackedClaimId]);
    if (!tracked) throw new NotFoundError("tracked claim");
    const { claim } = await loadForChange(tx, ctx.actor, data, "track");
    if (claim.trackedClaimId !== tracked.id) throw new NotFoundError("appearance");
    const others = await tx
      .select({ id: claims.id })
      .from(claims)
      .where(and(eq(claims.trackedClaimId, tracked.id), ne(claims.id, claim.id)));
    const otherIds = others.map((o) => o.id);
    const undone =
      otherIds.length === 0
        ? []
        : await tx
            .update(claimMatches)
            .set({
              state: "not_same",
              decidedBy: ctx.actor.id,
              decidedAt: sql`now()`,
              version: sql`${claimMatches.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(
              and(
                eq(claimMatches.state, "same"),
                or(
                  and(eq(claimMatches.claimId, claim.id), inArray(claimMatches.matchId, otherIds)),
                  and(eq(claimMatches.matchId, claim.id), inArray(claimMatches.claimId, otherIds)),
                ),
              ),
            )
            .returning({ id: claimMatches.id });
    const after = await writeClaim(tx, claim, { trackedClaimId: null });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "claim.untrack",
      before: { trackedClaimId: tracked.id },
      after: { trackedClaimId: null, matchesNowNotSame: undone.map((u) => u.id) },
    });
    return after;
  });
}
