import fs from "node:fs";
import path from "node:path";

/*
 * The figures a reliability test measured (load, errors, time to recover), printed and kept in
 * test-results/reliability-figures.json for tests/bench/RESULTS.md. They never decide pass/fail.
 */
const file = path.join(process.cwd(), "test-results", "reliability-figures.json");

export function recordFigure(name: string, value: string): void {
  console.log(`[reliability] ${name}: ${value}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let figures: Record<string, string> = {};
  try {
    figures = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  } catch {
    // First figure of the run.
  }
  figures[name] = `${value} (${new Date().toISOString()})`;
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}
