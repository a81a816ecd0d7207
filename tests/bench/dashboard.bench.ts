/**
 * `npm run bench:dashboard [-- --sizes 100000,1000000 --duration 30 --processes 2,1 --fresh]`
 *
 * For each size: a PostgreSQL database of its own (claimtrack_bench_100k, claimtrack_bench_1m, made
 * and filled by db/synthetic.ts unless it already holds that many synthetic claims); then for each
 * number of server processes (WEB_CONCURRENCY; by default one per core, then one) a production
 * server started with `node --import tsx lib/server/start.ts`, the demo editor signed in through
 * Auth.js's endpoints, and:
 *   1. (first server only) server time per URL, one request at a time (the issue's "for any single
 *      filter" targets), both "cold" (a claim changed just before each request, so the dashboard is
 *      computed afresh rather than reused from lib/services/data-version.ts) and "warm";
 *   2. 10 concurrent keep-alive connections (autocannon) for `duration` seconds over the dashboard
 *      filter mix, then the claim-list mix, then a bare dynamic page (/account), each after 5 s of
 *      unmeasured warm-up, while a writer reassigns one claim per second through the triggers (so
 *      cached dashboards keep going stale, as on a working desk): requests/s, median and p95
 *      latency overall and for the slowest URL, errors, and the server processes' peak memory;
 *   3. (first server only) EXPLAIN (ANALYZE, BUFFERS) of every SQL statement the dashboard and the
 *      list send for the filter mix, keeping the slowest plan.
 * Results go to tests/bench/dashboard-results.json and the "Dashboard" section of RESULTS.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { listClaims } from "@/lib/services/claim-list/list-claims";
import { getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { addDays } from "@/lib/services/dashboard/period";
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

const PORT = Number(process.env.BENCH_PORT ?? 3410);
const SIZES = arg("sizes", "100000,1000000").split(",").map(Number);
const DURATION = Number(arg("duration", "30"));
const FRESH = process.argv.includes("--fresh");
// Server processes (WEB_CONCURRENCY) per run: one per core, as deployed, then one for comparison.
const CORES = os.availableParallelism();
const PROCESSES = [
  ...new Set(
    arg("processes", `${CORES},1`)
      .split(",")
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 1),
  ),
];
/**
 * The measured runs: each mix with one claim changed per second, and the claim list again with 50
 * a second. Pages are reused while no change commits (lib/services/data-version.ts); with ten
 * changes a second most list pages were still reused, and with 50 most are read afresh, which
 * shows the list's own cost under load (a stress case: no desk changes claims that often).
 */
const PHASES = [
  { name: "dashboard", mix: "dashboard", changesPerSecond: 1 },
  { name: "claims", mix: "claims", changesPerSecond: 1 },
  { name: "claims, 50 changes/s", mix: "claims", changesPerSecond: 50 },
  { name: "bare", mix: "bare", changesPerSecond: 1 },
] as const;

const ms = (v: number) => `${v.toFixed(1)} ms`;

interface Mixes {
  dashboard: string[];
  claims: string[];
  bare: string[];
}

async function buildMixes(url: string, base: string, cookie: string): Promise<Mixes> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const reviewers = await sql<{ id: string }[]>`
      select id from users where email like 'synthetic-%' and role = 'reviewer' order by email limit 2`;
    const today = new Date().toISOString().slice(0, 10);
    const yearAgo = addDays(today, -365);
    const [r1, r2] = reviewers.map((r) => r.id);
    const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
    const dashboard = [
      "",
      q({ outlet: "Daily Planet" }),
      q({ outlet: "Clarion" }),
      q({ reviewer: r1 ?? "" }),
      q({ reviewer: r2 ?? "" }),
      q({ kind: "statement" }),
      q({ kind: "legal" }),
      q({ rating: "false" }),
      q({ rating: "unproven" }),
      q({ from: addDays(today, -730), to: today }),
      q({ from: yearAgo, to: addDays(yearAgo, 27) }),
      q({ articleSort: "title" }),
    ].map((s) => `/dashboard${s}`);
    const claims = [
      "",
      q({ sort: "score" }),
      q({ sort: "article" }),
      q({ sort: "newest", kind: "quote" }),
      q({ outlet: "Herald" }),
      q({ reviewer: r1 ?? "" }),
      q({ status: "open,in_review", sort: "oldest" }),
      q({ rating: "false", basis: "approved", from: yearAgo, to: addDays(yearAgo, 27) }),
      q({ from: addDays(today, -84), to: today, sort: "score" }),
    ].map((s) => `/claims${s}`);
    // Second pages, through the cursors the first pages hand out.
    for (const first of [claims[0], claims[1], claims[2]]) {
      const html = await (await fetch(`${base}${first}`, { headers: { cookie } })).text();
      const next = /href="(\/claims\?[^"]*after=[^"]+)"/.exec(html)?.[1];
      if (next) claims.push(next.replace(/&amp;/g, "&"));
    }
    return { dashboard, claims, bare: ["/account"] };
  } finally {
    await sql.end();
  }
}

async function timed(base: string, path: string, cookie: string) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return { ms: performance.now() - started, ok: response.status === 200, status: response.status };
}

/**
 * A change as a reviewer's action makes one: a claim handed to the other reviewer, through the
 * summary triggers, which also raises the dashboard's data version.
 */
function changer(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let claims: string[] = [];
  let reviewers: string[] = [];
  let i = 0;
  return {
    async change() {
      if (claims.length === 0) {
        reviewers = (
          await sql<{ id: string }[]>`
            select id from users where email like 'synthetic-%' and role = 'reviewer' order by email limit 2`
        ).map((r) => r.id);
        claims = (
          await sql<{ id: string }[]>`
            select id from claims where status = 'in_review' order by created_at desc limit 500`
        ).map((r) => r.id);
      }
      const claim = claims[i % claims.length] ?? "";
      const reviewer = reviewers[i++ % reviewers.length] ?? null;
      await sql`update claims set assignee_id = ${reviewer} where id = ${claim}`;
    },
    end: () => sql.end(),
  };
}

type Times = { median: number; p95: number; errors: number };

/** One request at a time: each URL's own server time, computed afresh (cold) and reused (warm). */
async function sequential(
  base: string,
  cookie: string,
  urls: string[],
  rounds: number,
  change: () => Promise<void>,
) {
  const result: Record<string, { cold: Times; warm: Times }> = {};
  const run = async (url: string, before?: () => Promise<void>): Promise<Times> => {
    const times: number[] = [];
    let errors = 0;
    for (let i = 0; i < rounds; i++) {
      if (before) await before();
      const r = await timed(base, url, cookie);
      times.push(r.ms);
      if (!r.ok) errors++;
    }
    return { median: percentile(times, 0.5), p95: percentile(times, 0.95), errors };
  };
  for (const url of urls) {
    await timed(base, url, cookie);
    result[url] = { cold: await run(url, change), warm: await run(url) };
  }
  return result;
}

/** Every statement the services send for the mixes, EXPLAIN ANALYZEd; the slowest plan wins. */
async function explainSlowest(url: string, mixes: Mixes) {
  const captured: { query: string; params: unknown[] }[] = [];
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    debug: (_c, query, params) => {
      if (/^\s*(select|with)/i.test(query)) captured.push({ query, params: params as unknown[] });
    },
  });
  const db = drizzle(client, { schema }) as unknown as Db;
  const [editor] = await client<{ id: string; email: string; name: string }[]>`
    select id, email, name from users where email = 'editor@example.com'`;
  if (!editor) throw new Error("no editor");
  const ctx = { db, actor: { ...editor, role: "editor" as const } };
  const params = (u: string) => Object.fromEntries(new URL(`http://x${u}`).searchParams);
  for (const u of mixes.dashboard) await getDashboard(ctx, params(u));
  for (const u of mixes.claims) await listClaims(ctx, params(u));
  const plans: { ms: number; query: string; params: unknown[]; plan: string }[] = [];
  const seen = new Set<string>();
  for (const c of captured.splice(0)) {
    const key = c.query + JSON.stringify(c.params);
    if (seen.has(key)) continue;
    seen.add(key);
    // Warm once, then measure.
    await client.unsafe(c.query, c.params as never[]);
    const rows = await client.unsafe(`explain (analyze, buffers) ${c.query}`, c.params as never[]);
    const plan = rows.map((r) => String(Object.values(r)[0])).join("\n");
    const time = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
    plans.push({ ms: time, query: c.query, params: c.params, plan });
  }
  await client.end();
  plans.sort((a, b) => b.ms - a.ms);
  return { count: plans.length, slowest: plans[0], top: plans.slice(0, 5).map((p) => p.ms) };
}

async function main() {
  const results: Record<string, unknown>[] = [];
  const host = await machine();
  console.log("dashboard bench on", host);
  for (const size of SIZES) {
    console.log(`\n== ${size.toLocaleString("en")} claims`);
    const { url, generatedSeconds } = await ensureDatabase(size, { fresh: FRESH });
    console.log(
      `  database ready${generatedSeconds ? ` (generated in ${generatedSeconds.toFixed(0)} s)` : " (reused)"}`,
    );
    const runs: Record<string, unknown>[] = [];
    let single: Awaited<ReturnType<typeof sequential>> | null = null;
    let explain: Awaited<ReturnType<typeof explainSlowest>> | null = null;
    for (const processes of PROCESSES) {
      const server = await startServer(url, { processes, port: PORT });
      const pids = serverPids(server.pid ?? 0);
      const writer = changer(url);
      const base = `http://127.0.0.1:${PORT}`;
      try {
        const cookie = await signIn(base);
        const mixes = await buildMixes(url, base, cookie);
        if (!single) {
          console.log("  one request at a time …");
          single = await sequential(
            base,
            cookie,
            [...mixes.dashboard, ...mixes.claims, ...mixes.bare],
            15,
            writer.change,
          );
        }
        const phases: Record<string, Awaited<ReturnType<typeof load>>> = {};
        for (const phase of PHASES) {
          const urls = mixes[phase.mix];
          // A few seconds of the same load first, unmeasured: connections spread over the server
          // processes, so every process has compiled its code before the measured run.
          await load(base, cookie, urls, 5, pids, async () => {});
          console.log(
            `  ${processes} server process(es), ${CONCURRENCY} clients on the ${phase.name} mix for ${DURATION} s …`,
          );
          phases[phase.name] = await load(
            base,
            cookie,
            urls,
            DURATION,
            pids,
            writer.change,
            phase.changesPerSecond,
          );
          console.log("   ", JSON.stringify(phases[phase.name]));
        }
        if (!explain) {
          console.log("  EXPLAIN ANALYZE …");
          explain = await explainSlowest(url, mixes);
        }
        runs.push({ processes, phases });
      } finally {
        await writer.end();
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
    }
    results.push({ size, generatedSeconds, single, runs, explain, loadAfter: os.loadavg() });
  }
  const out = {
    host,
    speedProbeEndMs: speedProbeMs(),
    duration: DURATION,
    concurrency: CONCURRENCY,
    results,
  };
  fs.writeFileSync(
    path.join("tests", "bench", "dashboard-results.json"),
    `${JSON.stringify(out, null, 2)}\n`,
  );
  const section = renderSection(out);
  console.log(`\n${section}`);
  writeSection("dashboard", section);
}

type Out = {
  host: Awaited<ReturnType<typeof machine>>;
  speedProbeEndMs: number;
  duration: number;
  concurrency: number;
  results: Record<string, unknown>[];
};

function renderSection(out: Out): string {
  const lines: string[] = [];
  const h = out.host;
  lines.push("## Dashboard", "");
  lines.push(
    "Command: `npm run bench:dashboard` (`npx tsx tests/bench/dashboard.bench.ts`); it writes this",
    "section and tests/bench/dashboard-results.json. Synthetic data: `npm run db:synthetic -- --claims N`.",
    "",
    `Machine: ${h.cpu}, ${h.cores} cores, ${h.memoryGb} GB memory, Node.js ${h.node}, ${h.postgres},`,
    `measured ${h.at.slice(0, 16).replace("T", " ")} UTC; load average at start ${h.load} (shared machine).`,
    `Host speed probe (a fixed loop of 3×10⁸ steps, median of three; lower is faster, 334 ms the fastest seen here): ${h.speedProbeMs.toFixed(0)} ms at the start, ${out.speedProbeEndMs.toFixed(0)} ms at the end.`,
    "Server: production build (`node --import tsx lib/server/start.ts`) with WEB_CONCURRENCY server processes",
    "(node:cluster) as each table row says, PostgreSQL on the same host; load from autocannon in the bench process:",
    `${out.concurrency} keep-alive connections of one signed-in editor on loopback, ${out.duration} s per mix after 5 s unmeasured.`,
    "",
  );
  for (const r of out.results as {
    size: number;
    generatedSeconds: number | null;
    single: Record<string, { cold: Times; warm: Times }>;
    runs: {
      processes: number;
      phases: Record<
        string,
        {
          requests: number;
          rps: number;
          median: number;
          p95: number;
          max: number;
          errors: number;
          changes?: number;
          peakRssMb: number;
          worstUrl?: { url: string; median: number; p95: number };
        }
      >;
    }[];
    explain: {
      count: number;
      slowest?: { ms: number; query: string; params: unknown[]; plan: string };
      top: number[];
    };
  }[]) {
    lines.push(`### ${r.size.toLocaleString("en")} claims`, "");
    if (r.generatedSeconds)
      lines.push(`Synthetic data generated in ${r.generatedSeconds.toFixed(0)} s.`, "");
    lines.push(
      `Under load (${out.concurrency} clients, and one claim changed per second by a writer, 50 a second where the mix says so):`,
      "",
      "| server processes | mix | requests | requests/s | median | p95 | max | errors | changes written | server peak RSS | slowest URL (median / p95) |",
      "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    );
    for (const run of r.runs) {
      for (const [name, p] of Object.entries(run.phases)) {
        lines.push(
          `| ${run.processes} | ${name} | ${p.requests} | ${p.rps.toFixed(1)} | ${ms(p.median)} | ${ms(p.p95)} | ${ms(p.max)} | ${p.errors} | ${p.changes ?? 0} | ${p.peakRssMb.toFixed(0)} MB | ${p.worstUrl ? `\`${p.worstUrl.url}\` ${ms(p.worstUrl.median)} / ${ms(p.worstUrl.p95)}` : ""} |`,
        );
      }
    }
    lines.push("");
    for (const run of r.runs) {
      const bare = run.phases.bare;
      const dash = run.phases.dashboard;
      if (bare && dash) {
        lines.push(
          `Ratio to the bare page with ${run.processes} server process(es): dashboard median ${(dash.median / bare.median).toFixed(1)}×, requests/s ${(dash.rps / bare.rps).toFixed(2)}×.`,
        );
      }
    }
    lines.push(
      "",
      "One request at a time (server time per URL, 15 requests each after one warm-up). Cold: a claim",
      "was changed just before each request, so the page's figures are read from the database; warm:",
      "nothing changed, so the cached dashboard or claim list page is reused:",
      "",
      "| URL | cold median | cold p95 | warm median | warm p95 | errors |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const [url, s] of Object.entries(r.single)) {
      lines.push(
        `| \`${url}\` | ${ms(s.cold.median)} | ${ms(s.cold.p95)} | ${ms(s.warm.median)} | ${ms(s.warm.p95)} | ${s.cold.errors + s.warm.errors} |`,
      );
    }
    if (r.explain.slowest) {
      lines.push(
        "",
        `Slowest of ${r.explain.count} distinct SQL statements the dashboard and list sent for these URLs (execution times of the top five: ${r.explain.top.map((t) => `${t.toFixed(1)} ms`).join(", ")}):`,
        "",
        "```sql",
        r.explain.slowest.query.trim(),
        `-- params: ${JSON.stringify(r.explain.slowest.params)}`,
        "```",
        "",
        "```",
        r.explain.slowest.plan,
        "```",
        "",
      );
    }
  }
  return lines.join("\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
