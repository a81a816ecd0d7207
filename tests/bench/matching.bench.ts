/**
 * `npm run bench:matching [-- --sizes 100000,1000000 --samples 200 --rounds 7 --duration 20]`
 *
 * For each size, a PostgreSQL database of its own (claimtrack_match_100k, claimtrack_match_1m),
 * filled by db/synthetic.ts (recurring facts in four wordings, so matches exist at every size)
 * unless it already holds that many synthetic claims, then:
 *   1. matching one claim (`findMatches`, the claim page's "Seen before" ranking), `samples`
 *      claims drawn at random, one at a time after a warm-up: p50, p95, max;
 *   2. importing the demo article (db/demo/kazakhstan-csto) through `importArticle`, with matching
 *      on and off, alternating, `rounds` times each (each import a fresh copy of the text, deleted
 *      afterwards): median and p95, and the difference;
 *   3. EXPLAIN (ANALYZE, BUFFERS) of every statement matching sends for one claim, the slowest kept;
 *   4. a production server (one process), and 10 concurrent signed-in reviewers on the search page
 *      over a mix of searches (words, phrases, OR, -word, filters, second pages) for `duration`
 *      seconds, then on a bare page (/account) for as long: p50, p95, errors and the ratio.
 * The figures go to the "Matching and search" section of RESULTS.md.
 */
import fs from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import * as schema from "@/db/schema";
import { demoArticleDir } from "@/lib/server/seed";
import { importArticle } from "@/lib/services/articles/import-article";
import { findMatches } from "@/lib/services/matching/find-matches";
import {
  arg,
  CONCURRENCY,
  ensureDatabase,
  load,
  machine,
  percentile,
  serverPids,
  signIn,
  speedProbeMs,
  startServer,
  writeSection,
} from "./bench-kit";

const PORT = Number(process.env.BENCH_PORT ?? 3430);
const SIZES = arg("sizes", "100000,1000000").split(",").map(Number);
const SAMPLES = Number(arg("samples", "200"));
const ROUNDS = Number(arg("rounds", "7"));
const DURATION = Number(arg("duration", "20"));

type Times = { p50: number; p95: number; max: number; n: number };
const times = (values: number[]): Times => ({
  p50: percentile(values, 0.5),
  p95: percentile(values, 0.95),
  max: Math.max(...values),
  n: values.length,
});
const ms = (v: number) => `${v.toFixed(1)} ms`;

function open(url: string, debug?: (query: string, params: unknown[]) => void) {
  const client = postgres(url, {
    max: 4,
    onnotice: () => {},
    ...(debug ? { debug: (_c: number, q: string, p: unknown[]) => debug(q, p) } : {}),
  });
  return { client, db: drizzle(client, { schema }) as unknown as Db };
}

async function asEditor(client: postgres.Sql, db: Db) {
  const [editor] = await client<{ id: string; email: string; name: string }[]>`
    select id, email, name from users where email = 'editor@example.com'`;
  if (!editor) throw new Error("no demo editor");
  return { db, actor: { ...editor, role: "editor" as const } };
}

/** `findMatches` for claims drawn at random, one at a time. */
async function matchOne(url: string) {
  const { client, db } = open(url);
  try {
    const ctx = await asEditor(client, db);
    // A random sample without sorting a million rows: a block sample, then shuffled.
    const rows = await client<{ id: string }[]>`
      select id from claims tablesample system (1) order by random() limit ${SAMPLES + 20}`;
    const ids = rows.map((r) => r.id);
    for (const id of ids.slice(0, 20)) await findMatches(ctx, { claimId: id });
    const spent: number[] = [];
    let found = 0;
    for (const id of ids.slice(20)) {
      const started = performance.now();
      const matches = await findMatches(ctx, { claimId: id });
      spent.push(performance.now() - started);
      if (matches.length > 0) found++;
    }
    return { ...times(spent), withMatches: found };
  } finally {
    await client.end();
  }
}

/** The demo article imported with matching on and off, alternating; each copy deleted after. */
async function importDemo(url: string) {
  const { client, db } = open(url);
  const text = fs.readFileSync(path.join(demoArticleDir(), "article.txt"), "utf8");
  try {
    const ctx = await asEditor(client, db);
    const spent: Record<"on" | "off", number[]> = { on: [], off: [] };
    let suggestions = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      for (const matching of ["on", "off"] as const) {
        const started = performance.now();
        const result = await importArticle(
          ctx,
          {
            title: `Matching bench ${round} ${matching}`,
            outlet: "Bench Desk",
            // A stamp makes each copy new text, so that it is not refused as a duplicate.
            text: `${text}\n\nBench copy ${Date.now()} ${Math.random()}.`,
          },
          { matching },
        );
        const elapsed = performance.now() - started;
        if (result.status !== "created") throw new Error("the bench import was not created");
        // The first round warms the extraction worker and the statements up.
        if (round > 0) spent[matching].push(elapsed);
        if (matching === "on") suggestions = result.suggestions ?? 0;
        await client`delete from articles where id = ${result.article.id}`;
      }
    }
    const on = times(spent.on);
    const off = times(spent.off);
    return { on, off, addedMedian: on.p50 - off.p50, suggestions };
  } finally {
    await client.end();
  }
}

/** Every statement matching one claim sends, EXPLAIN ANALYZEd; the slowest plan kept. */
async function explainMatching(url: string) {
  const captured: { query: string; params: unknown[] }[] = [];
  const { client, db } = open(url, (query, params) => {
    if (/^\s*(select|with)/i.test(query)) captured.push({ query, params });
  });
  try {
    const ctx = await asEditor(client, db);
    const [claim] = await client<{ id: string }[]>`
      select id from claims tablesample system (1) where speaker is not null limit 1`;
    if (!claim) throw new Error("no claim to match");
    captured.length = 0;
    await findMatches(ctx, { claimId: claim.id });
    const plans: { ms: number; plan: string }[] = [];
    for (const c of captured.splice(0)) {
      const rows = await client.unsafe(
        `explain (analyze, buffers) ${c.query}`,
        c.params as never[],
      );
      const plan = rows.map((r) => String(Object.values(r)[0])).join("\n");
      plans.push({ ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0), plan });
    }
    plans.sort((a, b) => b.ms - a.ms);
    return { statements: plans.length, slowest: plans[0] };
  } finally {
    await client.end();
  }
}

/** Searches as a desk types them: words of the synthetic facts, phrases, OR, -word, filters. */
const SEARCHES: Record<string, string>[] = [
  { q: "troops Kazakhstan" },
  { q: '"hospital beds"' },
  { q: "teachers OR nurses Wales" },
  { q: "refugees -Darfur" },
  { q: "vaccine doses 2021" },
  { q: "central bank", type: "claims" },
  { q: "Anna Kowalski" },
  { q: "police officers", status: "approved" },
  { q: "wind turbines", kind: "quantity" },
  { q: "Synthetic article budget", type: "articles" },
  { q: "ministry", rating: "false" },
  { q: "schools Ontario", from: "2025-01-01", to: "2026-12-31" },
];

async function searchLoad(url: string) {
  const server = await startServer(url, { processes: 1, port: PORT });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const pids = serverPids(server.pid ?? 0);
    const cookie = await signIn(base, "reviewer");
    const urls = SEARCHES.map((s) => `/search?${new URLSearchParams(s)}`);
    // Second pages, through the cursors the first pages hand out.
    for (const first of urls.slice(0, 3)) {
      const html = await (await fetch(`${base}${first}`, { headers: { cookie } })).text();
      const next = /href="(\/search\?[^"]*after=[^"]+)"/.exec(html)?.[1];
      if (next) urls.push(next.replace(/&amp;/g, "&"));
    }
    const none = async () => {};
    await load(base, cookie, urls, 5, pids, none);
    const search = await load(base, cookie, urls, DURATION, pids, none);
    await load(base, cookie, ["/account"], 5, pids, none);
    const bare = await load(base, cookie, ["/account"], DURATION, pids, none);
    return { urls: urls.length, search, bare };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

async function main() {
  const host = await machine();
  console.log("matching bench on", host);
  const results: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    console.log(`\n== ${size.toLocaleString("en")} claims`);
    const { url, generatedSeconds } = await ensureDatabase(size, { prefix: "claimtrack_match" });
    // A database made before a later migration (search documents) is brought up to date.
    const { client, db } = open(url);
    await runMigrations(db);
    await client.end();
    console.log("  matching one claim …");
    const one = await matchOne(url);
    console.log("   ", JSON.stringify(one));
    console.log("  importing the demo article, matching on and off …");
    const imports = await importDemo(url);
    console.log("   ", JSON.stringify(imports));
    console.log("  EXPLAIN ANALYZE …");
    const explain = await explainMatching(url);
    console.log(`    ${explain.statements} statements, slowest ${explain.slowest?.ms} ms`);
    console.log(
      `  ${CONCURRENCY} reviewers on the search page for ${DURATION} s, then a bare page …`,
    );
    const searched = await searchLoad(url);
    console.log("   ", JSON.stringify(searched));
    results.push({ size, generatedSeconds, one, imports, explain, searched });
  }
  const section = render(host, speedProbeMs(), results as unknown as Result[]);
  console.log(`\n${section}`);
  writeSection("matching", section);
}

interface Result {
  size: number;
  generatedSeconds: number | null;
  one: Times & { withMatches: number };
  imports: { on: Times; off: Times; addedMedian: number; suggestions: number };
  explain: { statements: number; slowest?: { ms: number; plan: string } };
  searched: {
    urls: number;
    search: Awaited<ReturnType<typeof load>>;
    bare: Awaited<ReturnType<typeof load>>;
  };
}

function render(host: Awaited<ReturnType<typeof machine>>, endProbe: number, results: Result[]) {
  const lines = [
    "## Matching and search",
    "",
    "Command: `npm run bench:matching` (`npx tsx tests/bench/matching.bench.ts`); it writes this",
    "section. Synthetic data: `npm run db:synthetic -- --claims N` (recurring facts in four wordings).",
    "",
    `Machine: ${host.cpu}, ${host.cores} cores, Node.js ${host.node}, ${host.postgres}, measured`,
    `${host.at.slice(0, 16).replace("T", " ")} UTC; load average at start ${host.load} (shared machine);`,
    `host speed probe ${host.speedProbeMs.toFixed(0)} ms at the start, ${endProbe.toFixed(0)} ms at the end (334 ms the fastest seen).`,
    "Matching and imports run in the bench process against PostgreSQL on the same host; the search",
    `load is ${CONCURRENCY} keep-alive connections of the signed-in demo reviewer on a production server (one`,
    `process), ${DURATION} s per run after 5 s unmeasured, the bare page (/account) measured right after it.`,
    "",
    "| claims | match one claim p50 / p95 / max (target p95 ≤ 100 ms at 1M) | import demo, matching off / on (median) | added by matching (target ≤ 300 ms at 1M) | search p50 / p95 (target p95 ≤ 200 ms at 1M) | bare page p50 / p95 | search p95 ÷ bare p95 | errors |",
    "|---:|---|---|---:|---|---|---:|---:|",
  ];
  for (const r of results) {
    const s = r.searched.search;
    const b = r.searched.bare;
    lines.push(
      `| ${r.size.toLocaleString("en")} | ${ms(r.one.p50)} / ${ms(r.one.p95)} / ${ms(r.one.max)} (${r.one.n} claims, ${r.one.withMatches} with matches) | ${ms(r.imports.off.p50)} / ${ms(r.imports.on.p50)} (${r.imports.on.n} each, ${r.imports.suggestions} suggestions) | ${ms(r.imports.addedMedian)} | ${ms(s.median)} / ${ms(s.p95)} (${s.rps.toFixed(0)} req/s) | ${ms(b.median)} / ${ms(b.p95)} | ${(s.p95 / b.p95).toFixed(2)} | ${s.errors + b.errors} |`,
    );
  }
  for (const r of results) {
    if (!r.explain.slowest) continue;
    lines.push(
      "",
      `Slowest matching statement at ${r.size.toLocaleString("en")} claims (${r.explain.statements} statements for one claim), EXPLAIN (ANALYZE, BUFFERS):`,
      "",
      "```",
      r.explain.slowest.plan,
      "```",
    );
  }
  return lines.join("\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
