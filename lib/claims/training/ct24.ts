/**
 * The CheckThat! 2024 (CT24) Task 1 English files the check-worthiness model is trained and
 * evaluated on: their names and their TSV format.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const TRAIN_FILE = "CT24_checkworthy_english_train.tsv";
export const DEV_FILE = "CT24_checkworthy_english_dev.tsv";
export const DEVTEST_FILE = "CT24_checkworthy_english_dev-test.tsv";

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

export function loadRows(dir: string, file: string): Ct24Row[] {
  return parseCt24(readFileSync(join(dir, file), "utf8"));
}
