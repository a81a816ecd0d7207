import type { Db } from "@/db/client";
import { type Article, type User, verdicts } from "@/db/schema";
import { makeClaim } from "../../factories";
import { spanOf } from "../../factories/articles";

/**
 * A claim waiting for an editor, written straight in: proposed by `proposer`, who holds it, at
 * version 3 (taken at 2, proposed at 3), so a page read before the take holds version 1.
 */
export async function makePendingClaim(db: Db, article: Article, phrase: string, proposer: User) {
  const claim = await makeClaim(db, article, {
    ...spanOf(article.body, phrase),
    kind: "quantity",
    values: { quantity: 2500 },
    status: "pending_approval",
    assigneeId: proposer.id,
    version: 3,
  });
  await db.insert(verdicts).values({
    claimId: claim.id,
    rating: "mostly_true",
    rationale: "The ministry's own figure is within a few per cent of this one.",
    state: "proposed",
    proposedBy: proposer.id,
  });
  return claim;
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  });
  await Promise.all(runners);
  return results;
}
