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
import { CHECKWORTHY_THRESHOLD, scoreSentence } from "../claims/score";
import { isMain } from "./run-as-main";

export interface Ct24Row {
  id: string;
  text: string;
  label: boolean;
}

export class Ct24FormatError extends Error {}

const HEADER = ["Sentence_id", "Text", "class_label"];

/**
 * Parse a CT24 TSV (header `Sentence_id<TAB>Text<TAB>class_label`, label Yes/No). Lines are split
 * on TAB with no CSV quoting. A record glued to the next one by a missing newline
 * (`…<TAB>No29286<TAB>…`, the known defect of the train file) is split on its label.
 */
export function parseCt24(content: string): Ct24Row[] {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t");
  if (header.length !== 3 || header.some((h, i) => h.trim() !== HEADER[i])) {
    throw new Ct24FormatError(`line 1: expected header ${HEADER.join("<TAB>")}`);
  }
  const rows: Ct24Row[] = [];
  for (let ln = 1; ln < lines.length; ln++) {
    const line = lines[ln] as string;
    if (line.trim() === "") continue;
    const records = line.replace(/\t(Yes|No)(\d+)\t/g, "\t$1\n$2\t").split("\n");
    for (const record of records) {
      const fields = record.split("\t");
      if (fields.length !== 3) {
        throw new Ct24FormatError(`line ${ln + 1}: expected 3 TAB-separated fields`);
      }
      const [id, sentence, label] = fields as [string, string, string];
      const lab = label.trim();
      if (lab !== "Yes" && lab !== "No") {
        throw new Ct24FormatError(`line ${ln + 1}: class_label must be Yes or No`);
      }
      if (id.trim() === "") throw new Ct24FormatError(`line ${ln + 1}: empty Sentence_id`);
      rows.push({ id: id.trim(), text: sentence, label: lab === "Yes" });
    }
  }
  if (rows.length === 0) throw new Ct24FormatError("no records");
  return rows;
}

export interface BinaryMetrics {
  f1: number;
  precision: number;
  recall: number;
  n: number;
}

/** Precision / recall / F1 of the positive class. */
export function binaryMetrics(
  predicted: ArrayLike<boolean>,
  gold: ArrayLike<boolean>,
): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] && gold[i]) tp++;
    else if (predicted[i]) fp++;
    else if (gold[i]) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, n: gold.length };
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

export function evaluateRows(rows: Ct24Row[]): BinaryMetrics {
  const predicted = rows.map((r) => scoreSentence(r.text) >= CHECKWORTHY_THRESHOLD);
  const m = binaryMetrics(
    predicted,
    rows.map((r) => r.label),
  );
  return { f1: round4(m.f1), precision: round4(m.precision), recall: round4(m.recall), n: m.n };
}

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

if (isMain(import.meta.url)) process.exitCode = main(process.argv.slice(2));
