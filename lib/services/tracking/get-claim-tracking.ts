import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { articles, claimMatches, claims, trackedClaims, users } from "@/db/schema";
import type { Rating } from "@/db/schema/constants";
import { can, requirePermission } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/services/context";
import { isUuid } from "@/lib/validation/ids";
import { approvedRatingsOf, isInconsistent } from "./consistency";

const earlier = alias(claims, "earlier");
const decider = alias(users, "decider");

/**
 * What the claim page shows of the claim's life elsewhere: the earlier appearances the matching
 * service suggested (and those marked the same claim), best first, with their reasons; the
 * tracked claim it belongs to; and whether that tracked claim's approved ratings disagree.
 */
export async function getClaimTracking(ctx: Ctx, input: { claimId: string }) {
  requirePermission(ctx.actor, "articles.read");
  if (!isUuid(input.claimId)) throw new NotFoundError("claim");
  const db = ctx.db;
  const [claim] = await db
    .select({ id: claims.id, trackedClaimId: claims.trackedClaimId })
    .from(claims)
    .where(eq(claims.id, input.claimId));
  if (!claim) throw new NotFoundError("claim");

  const seenBefore = await db
    .select({
      matchId: claimMatches.matchId,
      version: claimMatches.version,
      score: claimMatches.score,
      reasons: claimMatches.reasons,
      state: claimMatches.state,
      decidedByName: decider.name,
      decidedAt: claimMatches.decidedAt,
      text: earlier.text,
      speaker: earlier.speaker,
      status: earlier.status,
      // The rating counts only while the claim is approved (a reopened claim is checked again).
      rating: sql<Rating | null>`case when ${earlier.status} = 'approved' then ${earlier.rating} end`,
      approvedAt:
        sql<Date | null>`case when ${earlier.status} = 'approved' then ${earlier.approvedAt} end`.mapWith(
          earlier.approvedAt,
        ),
      trackedClaimId: earlier.trackedClaimId,
      articleId: articles.id,
      articleTitle: articles.title,
      outlet: articles.outlet,
      publishedOn: articles.publishedOn,
    })
    .from(claimMatches)
    .innerJoin(earlier, eq(earlier.id, claimMatches.matchId))
    .innerJoin(articles, eq(articles.id, earlier.articleId))
    .leftJoin(decider, eq(decider.id, claimMatches.decidedBy))
    .where(
      and(eq(claimMatches.claimId, claim.id), inArray(claimMatches.state, ["suggested", "same"])),
    )
    .orderBy(desc(claimMatches.score), asc(earlier.createdAt), asc(earlier.id))
    .limit(50);

  let tracked: {
    id: string;
    canonicalText: string;
    appearances: number;
    ratings: { rating: Rating; count: number }[];
    inconsistent: boolean;
  } | null = null;
  if (claim.trackedClaimId) {
    const [row] = await db
      .select({
        id: trackedClaims.id,
        canonicalText: trackedClaims.canonicalText,
        appearances: sql<number>`count(${claims.id})::int`,
      })
      .from(trackedClaims)
      .innerJoin(claims, eq(claims.trackedClaimId, trackedClaims.id))
      .where(eq(trackedClaims.id, claim.trackedClaimId))
      .groupBy(trackedClaims.id);
    if (row) {
      const ratings = await approvedRatingsOf(db, row.id);
      tracked = { ...row, ratings, inconsistent: isInconsistent(ratings) };
    }
  }

  return {
    seenBefore,
    tracked,
    canDecide: can(ctx.actor.role, "matches.decide"),
    /** "Look again": matching run anew for this claim (matching/rematch-claim.ts). */
    canRematch: can(ctx.actor.role, "claims.match"),
    /** The score of a strong match (MATCH_STRONG_SCORE), to say how strong each one is. */
    strongScore: getEnv().MATCH_STRONG_SCORE,
  };
}
export type ClaimTracking = Awaited<ReturnType<typeof getClaimTracking>>;
export type SeenBeforeRow = ClaimTracking["seenBefore"][number];
