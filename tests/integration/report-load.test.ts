import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { type Article, claims, sources, verdicts } from "@/db/schema";
import { loadReportInput, REPORT_CHUNK_ROWS } from "@/lib/services/reports/load-report";
import { makeArticle, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

/**
 * `count` claims in text order, three to a start offset and every third one on the same span as
 * the first of its group (so the order falls back on the id), with chunk boundaries inside groups.
 */
async function articleWithManyClaims(db: Db, count: number) {
  const body = "Officials said 300 soldiers left on 2 May 2021. ".repeat(Math.ceil(count / 2) + 10);
  const article = await makeArticle(db, { body });
  const rows = Array.from({ length: count }, (_, i) => {
    const start = Math.floor(i / 3) * 2;
    const end = start + 10 + (i % 3 === 1 ? 1 : 0);
    return { articleId: article.id, text: body.slice(start, end), start, end, kind: "statement" };
  });
  const inserted: { id: string; start: number; end: number }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    inserted.push(
      ...(await db
        .insert(claims)
        .values(rows.slice(i, i + 500) as (typeof claims.$inferInsert)[])
        .returning({ id: claims.id, start: claims.start, end: claims.end })),
    );
  }
  const expected = inserted
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => c.id);
  return { article, expected };
}

async function approveWithSource(db: Db, claimId: string, rationale: string, userId: string) {
  await db.insert(verdicts).values({
    claimId,
    rating: "false",
    rationale,
    state: "approved",
    proposedBy: userId,
    approvedBy: userId,
    approvedAt: new Date(),
  });
  await db.insert(sources).values({
    claimId,
    title: `Source for ${rationale}`,
    url: "https://example.org/source",
    stance: "refutes",
    addedBy: userId,
  });
}

describe("report input read in chunks", () => {
  const db = useTestDatabase();

  it("reads every claim once, in text order, with its own verdict and sources across chunk boundaries", async () => {
    const d = db.current.db;
    const count = 2 * REPORT_CHUNK_ROWS + 50;
    const { article, expected } = await articleWithManyClaims(d, count);
    const user = await makeUser(d, { role: "reviewer" });
    // The last claim of the first chunk, the first of the second, and the very last claim.
    const marked = [REPORT_CHUNK_ROWS - 1, REPORT_CHUNK_ROWS, count - 1];
    for (const i of marked) await approveWithSource(d, expected[i] ?? "", `claim ${i}`, user.id);

    const input = await loadReportInput(d, article.id);
    expect(input?.claims.map((c) => c.id)).toEqual(expected);
    for (const [i, claim] of (input?.claims ?? []).entries()) {
      if (marked.includes(i)) {
        expect(claim.verdict?.rationale).toBe(`claim ${i}`);
        expect(claim.sources.map((s) => s.title)).toEqual([`Source for claim ${i}`]);
      } else {
        expect(claim.verdict).toBeNull();
        expect(claim.sources).toEqual([]);
      }
    }
  }, 120_000);

  it("reads an article without claims, and answers null for an unknown one", async () => {
    const d = db.current.db;
    const article: Article = await makeArticle(d);
    expect((await loadReportInput(d, article.id))?.claims).toEqual([]);
    expect(await loadReportInput(d, crypto.randomUUID())).toBeNull();
  });

  // PGlite answers a query on the request thread, and its promises resolve without the event loop
  // turning: what keeps other requests answered is that the load lets the thread go between
  // chunks. That is asserted by counting turns (not by timing, which belongs to the benchmark,
  // tests/bench/health-server.bench.ts); the longest stall is held only to a generous bound, which
  // catches a gross regression on a loaded machine without failing on its scheduling.
  it("on the embedded database, lets the event loop turn between chunks", async () => {
    const embedded = openDatabase({ dataDir: "memory://" });
    try {
      await runMigrations(embedded.db);
      const count = 4 * REPORT_CHUNK_ROWS;
      const { article } = await articleWithManyClaims(embedded.db, count);
      let turns = 0;
      let watching = true;
      const turn = () => {
        turns++;
        if (watching) setImmediate(turn);
      };
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      setImmediate(turn);
      const input = await loadReportInput(embedded.db, article.id);
      watching = false;
      histogram.disable();
      expect(input?.claims).toHaveLength(count);
      // One turn at least before each chunk, and one before the corrections.
      expect(turns).toBeGreaterThanOrEqual(count / REPORT_CHUNK_ROWS + 1);
      expect(histogram.max / 1e6).toBeLessThan(1000);
    } finally {
      await embedded.close();
    }
  }, 120_000);
});
