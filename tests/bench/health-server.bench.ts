/**
 * `/api/health` on a running production server while it does the heaviest work it accepts.
 *
 *   npm run build && npm start          (or with DATABASE_URL set, for PostgreSQL)
 *   npm run bench:server -- http://127.0.0.1:3000
 *
 * Signs in as the demo reviewer, then, while `/api/health` is asked every 50 ms on a new
 * connection: imports the largest article the import accepts (MAX_IMPORT_BYTES of text, the demo
 * article again and again with its numbers varied, as `bench:reports` builds it) and downloads its
 * PDF (a DRAFT listing every claim extraction found). Prints a Markdown table for
 * tests/bench/RESULTS.md; the target is every health answer under 200 ms, and the PDF within 5 s.
 * Only a loopback address is accepted.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { DEMO_LOGINS } from "@/lib/server/seed";
import { signIn } from "../reliability/support/http";
import { largestBody } from "./largest-article";

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

/** Health asked every 50 ms while `work` runs: the answers' times, sorted. */
async function healthDuring<T>(base: string, work: () => Promise<T>) {
  let done = false;
  const samples: number[] = [];
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${base}/api/health`, {
        headers: { Connection: "close" },
        cache: "no-store",
      });
      await response.arrayBuffer();
      samples.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  done = true;
  await poll;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))];
  return {
    result,
    ms,
    p50: at(0.5) ?? 0,
    p95: at(0.95) ?? 0,
    max: samples.at(-1) ?? 0,
    n: samples.length,
  };
}

async function main() {
  const base = process.argv[2] ?? "http://127.0.0.1:3000";
  const host = new URL(base).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error("Only a loopback address is measured here.");
  }
  const login = DEMO_LOGINS.find((l) => l.role === "reviewer");
  if (!login) throw new Error("no demo reviewer");
  const cookie = await signIn(base, login.email, login.password);
  const loadAtStart = loadAverage();
  const idle = await healthDuring(base, () => new Promise((r) => setTimeout(r, 2000)));
  // A stamp first, so that a second run is not refused as a duplicate of the first.
  const body = `Run of ${new Date().toISOString()}.\n\n${largestBody().slice(0, -100)}`;

  const imported = await healthDuring(base, async () => {
    const form = new FormData();
    form.set("title", `Largest article ${new Date().toISOString()}`);
    form.set("outlet", "Bench Desk");
    // As a file: a text field's line breaks travel as CRLF, which would put it over the limit.
    form.set("file", new Blob([body], { type: "text/plain" }), "largest.txt");
    const response = await fetch(`${base}/api/articles/import`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: base },
      body: form,
    });
    const json = (await response.json()) as {
      ok: boolean;
      data?: { status: string; article: { id: string }; claimCount?: number };
      error?: string;
    };
    if (!response.ok || !json.ok || !json.data) {
      throw new Error(`import: ${response.status} ${json.error}`);
    }
    return json.data;
  });
  const { article, claimCount: claims = "? (a duplicate of an earlier import)" } = imported.result;

  const pdfs = [];
  for (let i = 0; i < 2; i++) {
    pdfs.push(
      await healthDuring(base, async () => {
        const response = await fetch(`${base}/api/articles/${article.id}/report?format=pdf`, {
          headers: { Cookie: cookie },
        });
        const bytes = (await response.arrayBuffer()).byteLength;
        if (!response.ok) throw new Error(`PDF: ${response.status}`);
        return bytes;
      }),
    );
  }

  const f = (n: number) => n.toFixed(0);
  // On a shared machine the idle answers are slow too: the ratio to them tells the work's own
  // effect from the machine's.
  const ratio = (r: { max: number }) => `${(r.max / Math.max(1, idle.max)).toFixed(1)}×`;
  const row = (what: string, r: { ms: number; p50: number; p95: number; max: number; n: number }) =>
    `| ${what} | ${f(r.ms)} | ${f(r.p50)} / ${f(r.p95)} / ${f(r.max)} (${r.n} asked) | ${ratio(r)} | ${r.max < 200 ? "yes" : "**no**"} |`;
  console.log(`Server ${base}; ${Buffer.byteLength(body)} bytes of text, ${claims} claims.`);
  console.log(
    `Load average (1 / 5 / 15 min) at the start ${loadAtStart}, at the end ${loadAverage()}; ${os.availableParallelism()} cores.\n`,
  );
  console.log(
    "| request | took ms | /api/health p50 / p95 / max ms | max ÷ idle max | health under 200 ms |",
  );
  console.log("| --- | ---: | ---: | ---: | --- |");
  console.log(row("idle (2 s)", idle));
  console.log(row("import of the largest article", imported));
  for (const [i, p] of pdfs.entries()) {
    console.log(
      row(`its PDF (${(p.result / 1e6).toFixed(1)} MB), ${i === 0 ? "first" : "again"}`, p),
    );
  }
}

await main();
