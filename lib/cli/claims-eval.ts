/**
 * Evaluate the committed check-worthiness model on a CheckThat! 2024 (CT24) TSV file.
 *
 *   npm run --silent claims:eval -- FILE.tsv
 *
 * Prints one JSON line {"f1":…,"precision":…,"recall":…,"n":…} (metrics of the `Yes` class),
 * scoring every sentence with scoreSentence and CHECKWORTHY_THRESHOLD, as the extractor does.
 * A missing or malformed file prints a one-line error to stderr and exits 1.
 */
import { readFileSync } from "node:fs";
import { Ct24FormatError, type Ct24Row, parseCt24 } from "../claims/training/ct24";
import { evaluateRows } from "../claims/training/evaluate";
import { runAsMain } from "./run-as-main";

function main(argv: string[]): number {
  const file = argv.find((a) => a !== "--");
  if (file === undefined) {
    process.stderr.write("claims-eval: usage: claims:eval -- FILE.tsv\n");
    return 1;
  }
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "read error";
    process.stderr.write(`claims-eval: cannot read ${file}: ${code}\n`);
    return 1;
  }
  let rows: Ct24Row[];
  try {
    rows = parseCt24(content);
  } catch (err) {
    if (err instanceof Ct24FormatError) {
      process.stderr.write(`claims-eval: malformed CT24 file ${file}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  process.stdout.write(`${JSON.stringify(evaluateRows(rows))}\n`);
  return 0;
}

runAsMain(import.meta.url, main);
