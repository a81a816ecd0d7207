import { eq } from "drizzle-orm";
import { z } from "zod";
import { claims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { isUuid } from "@/lib/validation/ids";
import { parseInput } from "@/lib/validation/parse";
import { matchClaims } from "./match-claims";
import type { RankSettings } from "./rank-matches";
import { appRankSettings } from "./settings";

export const rematchClaimSchema = z.object({
  claimId: z.string().refine(isUuid, "Unknown claim."),
});

/**
 * Matches one claim again on demand (after an edit, or when newer claims arrived): its stored
 * suggestions are replaced, the decisions kept. Audited, since what the desk is offered changes.
 */
export async function rematchClaim(
  ctx: Ctx,
  input: z.input<typeof rematchClaimSchema>,
  settings: RankSettings = appRankSettings(),
): Promise<{ suggestions: number }> {
  requirePermission(ctx.actor, "claims.match");
  const data = parseInput(rematchClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    // A key-share lock: the claim cannot be deleted (merged away) while its matches are written.
    const [claim] = await tx
      .select({ id: claims.id, articleId: claims.articleId })
      .from(claims)
      .where(eq(claims.id, data.claimId))
      .for("key share");
    if (!claim) throw new NotFoundError("claim");
    const suggestions = await matchClaims(tx, { claimIds: [claim.id] }, settings);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "claim.match",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      after: { suggestions },
    });
    return { suggestions };
  });
}
