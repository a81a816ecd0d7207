import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claims, comments, sources } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { mergeClaims } from "@/lib/services/claims/merge-claims";
import { addComment } from "@/lib/services/comments/add-comment";
import { addSource } from "@/lib/services/sources/add-source";
import { ctxFor, makeUser } from "../factories";
import { makeArticleWithClaims } from "../factories/articles";
import { useTestDatabase } from "./test-db";

const FIRST = "The ministry said 2,500 troops arrived on 6 January 2022.";
const SECOND = "They left by 19 January.";

const source = (claimId: string, i: number) => ({
  claimId,
  url: `https://example.org/source-${i}`,
  title: `Source ${i}`,
  sourceType: "news_report" as const,
  stance: "supports" as const,
});

describe("adding to a claim while it is merged", () => {
  // Enough connections that merges, comments and sources really run at the same time.
  const db = useTestDatabase({ max: 60 });

  it("keeps every acknowledged comment and source on a surviving claim; the rest are conflicts", async () => {
    const editor = await makeUser(db.current.db, { role: "editor" });
    const reviewer = await makeUser(db.current.db, { role: "reviewer" });
    const asEditor = ctxFor(db.current.db, editor);
    const asReviewer = ctxFor(db.current.db, reviewer);

    const rounds = 12;
    const pairs = await Promise.all(
      Array.from({ length: rounds }, () =>
        makeArticleWithClaims(db.current.db, [FIRST, SECOND]).then(({ claims: [a, b] }) => {
          if (!a || !b) throw new Error("no claims");
          return { a, b };
        }),
      ),
    );

    const onMergedAway = new Set(pairs.map(({ b }) => b.id));
    const commentTargets = new Map<string, string>();
    const commentResults: PromiseSettledResult<{ id: string }>[] = [];
    const sourceResults: PromiseSettledResult<{ id: string }>[] = [];
    const mergeResults = await Promise.all(
      pairs.map(async ({ a, b }, round) => {
        const adds: Promise<void>[] = [];
        // Writes on the claim that disappears (B) and on the one that survives (A), started
        // before, with and after the merge so that some land in the middle of it.
        for (let i = 0; i < 12; i++) {
          const target = i % 4 === 3 ? a.id : b.id;
          const delay = (i % 6) * 2;
          adds.push(
            new Promise<void>((resolve) => setTimeout(resolve, delay)).then(async () => {
              const [comment] = await Promise.allSettled([
                addComment(asReviewer, { claimId: target, body: `round ${round} comment ${i}` }),
              ]);
              commentResults.push(comment);
              if (comment.status === "fulfilled") commentTargets.set(comment.value.id, target);
            }),
          );
          if (i % 3 === 0) {
            adds.push(
              new Promise<void>((resolve) => setTimeout(resolve, delay + 1)).then(async () => {
                const [added] = await Promise.allSettled([
                  addSource(asReviewer, source(target, round * 100 + i)),
                ]);
                sourceResults.push(added);
              }),
            );
          }
        }
        const merged = new Promise<void>((resolve) => setTimeout(resolve, 3)).then(() =>
          mergeClaims(asEditor, {
            claimId: a.id,
            version: a.version,
            otherId: b.id,
            otherVersion: b.version,
          }),
        );
        await Promise.all(adds);
        return merged;
      }),
    );

    // Every merge went through: the claim that was merged away is gone, its neighbour remains.
    expect(mergeResults.map((m) => m.id)).toEqual(pairs.map(({ a }) => a.id));
    const left = await db.current.db
      .select({ id: claims.id })
      .from(claims)
      .where(
        inArray(
          claims.id,
          pairs.flatMap(({ a, b }) => [a.id, b.id]),
        ),
      );
    expect(left.map((c) => c.id).sort()).toEqual(pairs.map(({ a }) => a.id).sort());
    const surviving = new Set(left.map((c) => c.id));

    for (const [results, table] of [
      [commentResults, comments],
      [sourceResults, sources],
    ] as const) {
      const acknowledged = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.id] : []));
      const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      const stored = await db.current.db
        .select({ id: table.id, claimId: table.claimId })
        .from(table)
        .where(inArray(table.id, acknowledged));
      // Nothing acknowledged was deleted, and all of it sits on a claim that still exists.
      expect(stored.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
      for (const row of stored) expect(surviving.has(row.claimId)).toBe(true);
      for (const reason of refused) {
        expect(reason).toBeInstanceOf(ConflictError);
        expect((reason as Error).message).toMatch(/merged/);
      }
    }
    expect(commentResults).toHaveLength(rounds * 12);
    // Both outcomes happened: comments written to the later claim were moved, others refused.
    const moved = [...commentTargets.values()].filter((target) => onMergedAway.has(target));
    expect(moved.length).toBeGreaterThan(0);
    expect(commentResults.some((r) => r.status === "rejected")).toBe(true);
    expect(sourceResults).toHaveLength(rounds * 4);
  });

  it("refuses a comment or source for a claim merged away with a conflict naming the survivor", async () => {
    const editor = await makeUser(db.current.db, { role: "editor" });
    const ctx = ctxFor(db.current.db, editor);
    const {
      claims: [a, b],
    } = await makeArticleWithClaims(db.current.db, [FIRST, SECOND]);
    if (!a || !b) throw new Error("no claims");
    await mergeClaims(ctx, {
      claimId: b.id,
      version: b.version,
      otherId: a.id,
      otherVersion: a.version,
    });
    const comment = await addComment(ctx, { claimId: b.id, body: "too late" }).catch((e) => e);
    expect(comment).toBeInstanceOf(ConflictError);
    expect(comment.message).toMatch(/merged into the claim before it/);
    expect(comment.current).toEqual({ mergedInto: a.id });
    const added = await addSource(ctx, source(b.id, 1)).catch((e) => e);
    expect(added).toBeInstanceOf(ConflictError);
    // A claim that never existed is still simply not found.
    await expect(
      addComment(ctx, { claimId: crypto.randomUUID(), body: "nowhere" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(addSource(ctx, source(crypto.randomUUID(), 2))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
