import { and, desc, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { articles, claims, verdicts } from "@/db/schema";

/**
 * The verdict a claim may reuse: the latest approved verdict of another appearance of its
 * tracked claim, on an appearance that is approved now (a reopened one is being checked again).
 */
export async function findReusableVerdict(
  db: Executor,
  claim: { id: string; trackedClaimId: string | null },
) {
  if (!claim.trackedClaimId) return null;
  const [row] = await db
    .select({
      id: verdicts.id,
      claimId: verdicts.claimId,
      rating: verdicts.rating,
      rationale: verdicts.rationale,
      approvedAt: verdicts.approvedAt,
      articleId: claims.articleId,
      articleTitle: articles.title,
    })
    .from(verdicts)
    .innerJoin(claims, eq(claims.id, verdicts.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(
      and(
        eq(claims.trackedClaimId, claim.trackedClaimId),
        ne(claims.id, claim.id),
        eq(claims.status, "approved"),
        eq(verdicts.state, "approved"),
      ),
    )
    .orderBy(desc(verdicts.approvedAt), desc(verdicts.createdAt))
    .limit(1);
  return row ?? null;
}
export type ReusableVerdict = NonNullable<Awaited<ReturnType<typeof findReusableVerdict>>>;
