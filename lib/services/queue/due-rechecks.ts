import { and, asc, count, eq, lte } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { articles, claims } from "@/db/schema";

/** How many due claims a queue or dashboard lists; the count covers them all. */
export const DUE_RECHECK_LIMIT = 50;

/** Today as the re-check dates are kept: a calendar day, in UTC like every date the app shows. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Approved claims whose re-check date has come (on or before `today`), the longest overdue first,
 * and how many there are. Read from the partial index on recheck_on (claims_recheck_on_idx):
 * `recheck_on <= today` implies it is set, so only dated claims are visited. Claims in review
 * are not due: they are being checked already.
 */
export async function queryDueRechecks(db: Executor, options: { today: string; limit?: number }) {
  const due = and(eq(claims.status, "approved"), lte(claims.recheckOn, options.today));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        claimId: claims.id,
        articleId: claims.articleId,
        articleTitle: articles.title,
        text: claims.text,
        status: claims.status,
        rating: claims.rating,
        recheckOn: claims.recheckOn,
        recheckReason: claims.recheckReason,
      })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(due)
      .orderBy(asc(claims.recheckOn), asc(claims.id))
      .limit(options.limit ?? DUE_RECHECK_LIMIT),
    db.select({ n: count() }).from(claims).where(due),
  ]);
  return {
    total: Number(total?.n ?? 0),
    claims: rows.map((row) => ({ ...row, recheckOn: row.recheckOn as string })),
  };
}

export type DueRechecks = Awaited<ReturnType<typeof queryDueRechecks>>;
