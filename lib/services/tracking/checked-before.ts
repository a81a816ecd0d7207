import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import type { Rating } from "@/db/schema/constants";
import { getEnv } from "@/lib/env";

/** An approved claim of another article that a claim of this article repeats. */
export interface CheckedBefore {
  claimId: string;
  earlierClaimId: string;
  earlierArticleId: string;
  rating: Rating;
  /** ISO time of the approval. */
  approvedAt: string;
}

/**
 * For each claim of the article that repeats an approved claim elsewhere, the latest such
 * approval: "Checked before: False, 12 Jan 2022". A claim repeats another when the pair was marked
 * the same claim, when the matching service suggested it with a strong score (and nobody said it is
 * not the same), or when both belong to one tracked claim. Strong is MATCH_STRONG_SCORE
 * (lib/env.ts), the matching service's own threshold.
 */
export async function checkedBeforeIn(
  db: Executor,
  articleId: string,
  strong = getEnv().MATCH_STRONG_SCORE,
): Promise<CheckedBefore[]> {
  return queryRows<CheckedBefore>(
    db,
    sql`select distinct on (c.id)
          c.id as "claimId", e.id as "earlierClaimId", e.article_id as "earlierArticleId",
          e.rating::text as "rating",
          to_char(e.approved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "approvedAt"
        from claims c
        cross join lateral (
          select m.match_id as id from claim_matches m
          where m.claim_id = c.id
            and (m.state = 'same' or (m.state = 'suggested' and m.score >= ${strong}))
          union
          select o.id from claims o
          where c.tracked_claim_id is not null and o.tracked_claim_id = c.tracked_claim_id
            and o.id <> c.id
        ) seen
        join claims e on e.id = seen.id
        where c.article_id = ${articleId}
          and e.article_id <> c.article_id
          and e.status = 'approved' and e.rating is not null and e.approved_at is not null
        order by c.id, e.approved_at desc, e.id`,
  );
}
