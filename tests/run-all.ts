/**
 * `npm test`: lint, types, unit, integration, e2e and reliability, each step run even when an
 * earlier one failed, then one summary. Exits non-zero when anything failed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureDebianTool } from "./support/debian-tool";

interface Step {
  name: string;
  command: string[];
  /** Reads passed/failed/skipped counts from the runner's JSON report. */
  counts?: () => { passed: number; failed: number; skipped: number } | null;
}

const bin = (name: string) => path.join("node_modules", ".bin", name);
const results = "test-results";
fs.mkdirSync(results, { recursive: true });

function vitestCounts(file: string) {
  return () => {
    try {
      const report = JSON.parse(fs.readFileSync(file, "utf8")) as {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
      };
      return {
        passed: report.numPassedTests,
        failed: report.numFailedTests,
        skipped: report.numPendingTests + report.numTodoTests,
      };
    } catch {
      return null;
    }
  };
}

function playwrightCounts() {
  try {
    const report = JSON.parse(fs.readFileSync(path.join(results, "e2e.json"), "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    return {
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected,
      skipped: report.stats.skipped,
    };
  } catch {
    return null;
  }
}

/** A vitest project as a step: its own report, and the counts read from its JSON results. */
function vitestStep(project: string): Step {
  const json = `${results}/${project}.json`;
  return {
    name: project,
    command: [
      bin("vitest"),
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${json}`,
    ],
    counts: vitestCounts(json),
  };
}

const steps: Step[] = [
  { name: "lint", command: [bin("biome"), "ci", "."] },
  { name: "types", command: [bin("tsc"), "--noEmit", "-p", "."] },
  vitestStep("unit"),
  vitestStep("integration"),
  { name: "e2e", command: ["npx", "tsx", "tests/e2e/run.ts"], counts: playwrightCounts },
  // After e2e, so that the production build it made is reused (the step builds when it is not).
  vitestStep("reliability"),
];

// The PDF report test renders pages with poppler's pdftoppm.
ensureDebianTool("pdftoppm", "poppler-utils");

const only = process.argv.slice(2);
const summary: {
  name: string;
  ok: boolean;
  seconds: number;
  counts: ReturnType<NonNullable<Step["counts"]>>;
}[] = [];

for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  console.log(`\n=== ${step.name}: ${step.command.join(" ")}`);
  for (const file of ["unit.json", "integration.json", "e2e.json", "reliability.json"])
    fs.rmSync(path.join(results, file), { force: true });
  const started = Date.now();
  const [cmd, ...args] = step.command;
  const run = spawnSync(cmd ?? "", args, { stdio: "inherit", env: process.env });
  summary.push({
    name: step.name,
    ok: run.status === 0,
    seconds: (Date.now() - started) / 1000,
    counts: step.counts?.() ?? null,
  });
}

console.log("\n=== summary");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const s of summary) {
  const c = s.counts;
  if (c) {
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
  } else if (!s.ok) {
    failed += 1;
  }
  const detail = c
    ? `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`
    : s.ok
      ? "ok"
      : "FAILED";
  console.log(
    `${s.ok ? "ok  " : "FAIL"} ${s.name.padEnd(12)} ${detail.padEnd(36)} ${s.seconds.toFixed(1)}s`,
  );
}
const allOk = summary.every((s) => s.ok);
// A step that failed without a count (lint, types, a crash) still counts as a failure above.
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(allOk ? 0 : 1);
