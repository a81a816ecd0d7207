import { eq } from "drizzle-orm";
import { z } from "zod";
import { claims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/services/context";
import { isUuid } from "@/lib/validation/ids";
import { parseInput } from "@/lib/validation/parse";
import { type Match, type RankSettings, rankMatches } from "./rank-matches";
import { appRankSettings } from "./settings";

export const findMatchesSchema = z.object({
  claimId: z.string().refine(isUuid, "Unknown claim."),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** Down to this score; by default the suggestion threshold. */
  minScore: z.number().min(0).max(1).optional(),
});

/**
 * Earlier claims of other articles that state the same thing as this one, best first, with score,
 * reasons and strength; pairs a reviewer decided "not the same" never come back. Ranked afresh on
 * each call (what `claim_matches` keeps is what import or a re-match stored).
 */
export async function findMatches(
  ctx: Ctx,
  input: z.input<typeof findMatchesSchema>,
  settings: RankSettings = appRankSettings(),
): Promise<Match[]> {
  requirePermission(ctx.actor, "articles.read");
  const data = parseInput(findMatchesSchema, input);
  const [claim] = await ctx.db
    .select({ id: claims.id })
    .from(claims)
    .where(eq(claims.id, data.claimId));
  if (!claim) throw new NotFoundError("claim");
  const ranked = await rankMatches(ctx.db, [claim.id], settings, {
    limit: data.limit,
    minScore: data.minScore ?? settings.thresholds.suggest,
  });
  return ranked.get(claim.id) ?? [];
}
