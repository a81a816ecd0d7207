import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { claims, trackedClaims } from "@/db/schema";
import type { Rating } from "@/db/schema/constants";

/**
 * Consistency alerts: appearances of one tracked claim that were approved with different ratings.
 * The approved rating is kept on the claim (claims.rating while it is approved), so this reads the
 * claims table alone, through its tracked-claim index.
 */

/** The approved ratings of a tracked claim's appearances, each with how many carry it. */
export async function approvedRatingsOf(db: Executor, trackedClaimId: string) {
  return db
    .select({ rating: sql<Rating>`${claims.rating}`, count: sql<number>`count(*)::int` })
    .from(claims)
    .where(
      and(
        eq(claims.trackedClaimId, trackedClaimId),
        eq(claims.status, "approved"),
        isNotNull(claims.rating),
      ),
    )
    .groupBy(claims.rating)
    .orderBy(desc(sql`count(*)`), claims.rating);
}

/** Whether the ratings disagree: the alert's condition, written once. */
export function isInconsistent(ratings: readonly { rating: Rating }[]): boolean {
  return new Set(ratings.map((r) => r.rating)).size > 1;
}

/** Tracked claims whose approved appearances disagree, the latest approval first. */
export async function listInconsistentTrackedClaims(db: Executor, limit = 50) {
  const rows = await db
    .select({
      id: trackedClaims.id,
      canonicalText: trackedClaims.canonicalText,
      ratings: sql<string>`string_agg(distinct ${claims.rating}::text, ',')`,
      appearances: sql<number>`count(*)::int`,
      lastApprovedAt: sql<Date>`max(${claims.approvedAt})`.mapWith(claims.approvedAt),
    })
    .from(claims)
    .innerJoin(trackedClaims, eq(trackedClaims.id, claims.trackedClaimId))
    .where(and(eq(claims.status, "approved"), isNotNull(claims.rating)))
    .groupBy(trackedClaims.id)
    .having(sql`count(distinct ${claims.rating}) > 1`)
    .orderBy(desc(sql`max(${claims.approvedAt})`), trackedClaims.id)
    .limit(limit);
  return rows.map((row) => ({ ...row, ratings: row.ratings.split(",").sort() as Rating[] }));
}
export type InconsistentTrackedClaim = Awaited<
  ReturnType<typeof listInconsistentTrackedClaims>
>[number];
