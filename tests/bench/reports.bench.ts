/**
 * Report rendering speed. Run: `npm run bench:reports` (or `npx tsx tests/bench/reports.bench.ts`).
 * An article with 200 approved claims and 600 sources; each format is rendered from the model
 * (as the route handler does) and timed warm, median of several runs. Targets: every format
 * except PDF under 100 ms, PDF under 2 s. Prints a Markdown section for tests/bench/RESULTS.md
 * and exits 1 when a target is missed.
 */
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { RATINGS } from "@/db/schema/constants";
import { renderReport } from "@/lib/reports";
import { REPORT_FORMATS, type ReportFormat } from "@/lib/reports/formats";
import { buildReportModel, type ReportInput } from "@/lib/reports/model";

const CLAIMS = 200;
const SOURCES_PER_CLAIM = 3;

function bigInput(): ReportInput {
  const sentences: string[] = [];
  const claims: ReportInput["claims"] = [];
  let offset = 0;
  for (let i = 0; i < CLAIMS; i++) {
    const filler = `Context paragraph ${i} about the CSTO deployment in Almaty, Қазақстан. `;
    const text = `Troops numbering around ${2000 + i} personnel arrived on ${1 + (i % 28)} January 2022.`;
    sentences.push(filler, text, i % 5 === 4 ? "\n\n" : " ");
    const start = offset + filler.length;
    offset += filler.length + text.length + (i % 5 === 4 ? 2 : 1);
    claims.push({
      id: crypto.randomUUID(),
      text,
      start,
      end: start + text.length,
      kind: "quantity",
      values: { quantity: 2000 + i, approximate: true, unit: "personnel" },
      speaker: i % 3 === 0 ? "Parvaiz Mullajanov" : null,
      status: "approved",
      verdict: {
        rating: RATINGS[i % RATINGS.length] ?? "true",
        rationale:
          `The ministry's figure for day ${i} was ${1900 + i}; the CSTO said ${2050 + i}. `.repeat(
            3,
          ),
        proposedBy: "Rita Reviewer",
        proposedAt: "2026-01-02T10:00:00Z",
        approvedBy: "Eddie Editor",
        approvedAt: "2026-01-03T10:00:00Z",
      },
      sources: Array.from({ length: SOURCES_PER_CLAIM }, (_, j) => ({
        title: `Source ${i}.${j}: official statement on troop numbers`,
        publisher: "Ministry of Defence",
        url: `https://gov.example/statements/${i}/${j}`,
        stance: "supports" as const,
        excerpt: `"${2000 + i} servicemen" were deployed, the statement said.`,
        accessedOn: "2026-01-02",
      })),
    });
  }
  return {
    article: {
      id: crypto.randomUUID(),
      title: "Benchmark article",
      outlet: "India Narrative",
      author: "Aditi Bhaduri",
      url: "https://example.org/article",
      publishedOn: "2022-01-15",
      publishedApproximate: true,
      body: sentences.join(""),
    },
    claims,
    corrections: [],
  };
}

const LIMIT_MS: Record<ReportFormat, number> = {
  html: 100,
  pdf: 2000,
  md: 100,
  csv: 100,
  json: 100,
  claimreview: 100,
};

async function time(run: () => Promise<unknown>, runs: number): Promise<number> {
  await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

async function main() {
  const input = bigInput();
  const options = {
    organization: "Claimtrack",
    generatedAt: new Date(),
    reportUrl: "https://desk.example/r/token",
  };
  const modelMs = await time(async () => buildReportModel(input, options), 15);
  const model = buildReportModel(input, options);
  const rows: string[] = [];
  let failed = false;
  for (const format of REPORT_FORMATS) {
    const ms = await time(() => renderReport(model, format), format === "pdf" ? 5 : 15);
    const ok = ms < LIMIT_MS[format];
    failed ||= !ok;
    const size = (await renderReport(model, format)).body.length;
    rows.push(
      `| ${format} | ${ms.toFixed(1)} | < ${LIMIT_MS[format]} | ${(size / 1024).toFixed(0)} KB | ${ok ? "yes" : "**no**"} |`,
    );
  }
  console.log(`## Reports (npm run bench:reports)

${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? "cpu"}.
An article with ${CLAIMS} approved claims and ${CLAIMS * SOURCES_PER_CLAIM} sources; median warm
render time from the report model (building the model itself: ${modelMs.toFixed(1)} ms).

| format | ms | target ms | size | within target |
| --- | ---: | ---: | ---: | --- |
${rows.join("\n")}
`);
  if (failed) process.exitCode = 1;
}

await main();
