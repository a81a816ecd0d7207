import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { articles, claims } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { renderReport } from "@/lib/reports";
import { buildReportModel } from "@/lib/reports/model";
import { importArticle } from "@/lib/services/articles/import-article";
import { closeWorkerPool, runInWorker } from "@/lib/workers/pool";
import { ctxFor, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

const demo = fs.readFileSync("db/demo/kazakhstan-csto/article.txt", "utf8");

/** About `size` characters of article text: the demo article again and again, numbers varied. */
function articleText(size: number, seed = crypto.randomUUID()): string {
  const parts = [`Article ${seed}.`];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = demo.replace(/\d+/g, (d) => String(Number(d) + i));
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join("\n\n").slice(0, size);
}

/**
 * Runs `work` while watching the event loop: the longest time a timer waited beyond its due time
 * (10 ms resolution), which is how long any other request would have waited.
 */
async function whileWatchingEventLoop<T>(work: () => Promise<T>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  try {
    const result = await work().then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );
    return { ...result, ms: performance.now() - started, maxDelayMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

// A server's pool is started by its first heavy request and then kept; the tests measure that
// steady state, so the thread is started (and tsx loaded in it) before they run.
beforeAll(async () => {
  await runInWorker("readUpload", {
    name: "warm.txt",
    bytes: new Uint8Array([0x61]),
    maxBytes: 10,
  });
}, 60_000);

afterAll(async () => {
  await closeWorkerPool();
});

describe("heavy work runs off the request thread", () => {
  const db = useTestDatabase();

  it("renders a large PDF report on a worker thread while the event loop stays free", async () => {
    const model = buildReportModel(
      {
        article: {
          id: crypto.randomUUID(),
          title: "Large",
          outlet: null,
          author: null,
          url: null,
          publishedOn: null,
          publishedApproximate: false,
          body: `${articleText(400_000)} ${"x".repeat(20_000)}`,
        },
        claims: [],
        corrections: [],
      },
      { organization: "Claimtrack", generatedAt: new Date(), reportUrl: "https://desk.example" },
    );
    const run = await whileWatchingEventLoop(() => renderReport(model, "pdf"));
    expect(run.error).toBeUndefined();
    expect(run.value?.body.slice(0, 5).toString()).toBe("%PDF-");
    expect(run.maxDelayMs).toBeLessThan(200);
  }, 60_000);

  it("extracts a large import on a worker thread, before the transaction", async () => {
    const reviewer = await makeUser(db.current.db);
    const text = articleText(400_000);
    const run = await whileWatchingEventLoop(() =>
      importArticle(ctxFor(db.current.db, reviewer), { title: "Large import", text }),
    );
    expect(run.error).toBeUndefined();
    expect(run.value?.status).toBe("created");
    expect(run.maxDelayMs).toBeLessThan(200);
    const id = run.value?.article.id ?? "";
    const [stored] = await db.current.db
      .select({ n: count() })
      .from(claims)
      .where(eq(claims.articleId, id));
    expect(stored?.n).toBeGreaterThan(100);
  }, 60_000);

  it("refuses HTML nested 100,000 levels deep with a clear message, quickly", async () => {
    const reviewer = await makeUser(db.current.db);
    const html = `<html><body>${"<div>".repeat(100_000)}Deep${"</div>".repeat(100_000)}</body></html>`;
    const run = await whileWatchingEventLoop(() =>
      importArticle(ctxFor(db.current.db, reviewer), {
        title: "Nested",
        file: { name: "nested.html", bytes: new TextEncoder().encode(html) },
      }),
    );
    expect(run.error).toBeInstanceOf(ValidationError);
    expect((run.error as ValidationError).fieldErrors.file?.[0]).toMatch(/levels deep/);
    expect(run.ms).toBeLessThan(2000);
    expect(run.maxDelayMs).toBeLessThan(200);
  }, 60_000);

  it("imports a 2 MB HTML page on one line, and a page that is one 2 MB word", async () => {
    const reviewer = await makeUser(db.current.db);
    const ctx = ctxFor(db.current.db, reviewer);
    const line = `<html><body><p>${articleText(1_990_000).replace(/\n+/g, " ")}</p></body></html>`;
    const word = `<p>${"w".repeat(1_999_000)}</p><p>Officials said 300 soldiers left on 2 May 2021.</p>`;
    for (const [name, html] of [
      ["line.html", line],
      ["word.html", word],
    ] as const) {
      const bytes = new TextEncoder().encode(html);
      expect(bytes.byteLength).toBeLessThanOrEqual(2_000_000);
      const run = await whileWatchingEventLoop(() =>
        importArticle(ctx, { title: name, file: { name, bytes } }),
      );
      expect(run.error, name).toBeUndefined();
      expect(run.value?.status, name).toBe("created");
      expect(run.maxDelayMs, name).toBeLessThan(200);
    }
    const [row] = await db.current.db
      .select({ body: articles.body })
      .from(articles)
      .where(eq(articles.title, "word.html"));
    expect(row?.body.startsWith("w".repeat(1_999_000))).toBe(true);
  }, 120_000);

  it("on the embedded database, does not hold its one connection while extracting", async () => {
    const embedded = openDatabase({ dataDir: "memory://" });
    try {
      await runMigrations(embedded.db);
      const reviewer = await makeUser(embedded.db);
      const importing = importArticle(ctxFor(embedded.db, reviewer), {
        title: "Embedded import",
        text: articleText(300_000),
      });
      let done = false;
      void importing.finally(() => {
        done = true;
      });
      // Other requests' queries keep being answered while the import is under way.
      let slowest = 0;
      let queries = 0;
      while (!done) {
        const started = performance.now();
        await embedded.db.execute(sql`select 1`);
        slowest = Math.max(slowest, performance.now() - started);
        queries++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await importing).status).toBe("created");
      expect(queries).toBeGreaterThan(3);
      expect(slowest).toBeLessThan(200);
    } finally {
      await embedded.close();
    }
  }, 60_000);
});
