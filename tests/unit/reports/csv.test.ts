import { describe, expect, it } from "vitest";
import { CSV_HEADER, renderCsv } from "@/lib/reports/render-csv";
import { draftModel, fixedModel, HOSTILE } from "./fixture";

/** A strict RFC 4180 reader, to read the file back as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length) throw new Error("file does not end with CRLF");
  return rows;
}

const unneutralise = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe("CSV renderer", () => {
  const csv = renderCsv(fixedModel());

  it("starts with a BOM and has a header and one row per claim", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });

  it("parses back to the model's values", () => {
    const model = fixedModel();
    const rows = parseCsv(csv.slice(1)).slice(1);
    const col = (name: (typeof CSV_HEADER)[number]) => CSV_HEADER.indexOf(name);
    model.claims.forEach((claim, i) => {
      const row = (rows[i] ?? []).map(unneutralise);
      expect(row[col("claim_number")]).toBe(String(claim.number));
      expect(row[col("claim")]).toBe(claim.text);
      expect(row[col("rating")]).toBe(claim.verdict?.rating);
      expect(row[col("rating_label")]).toBe(claim.verdict?.label);
      expect(row[col("rating_value")]).toBe(String(claim.verdict?.ratingValue ?? ""));
      expect(row[col("rationale")]).toBe(claim.verdict?.rationale);
      expect(row[col("speaker")]).toBe(claim.speaker ?? "");
      expect(row[col("report_status")]).toBe("FINAL");
      expect(row[col("report_url")]).toBe(`${model.reportUrl}#${claim.anchor}`);
      expect(row[col("source_count")]).toBe(String(claim.sources.length));
    });
  });

  it("neutralises formula-leading cells", () => {
    const rows = parseCsv(csv.slice(1)).slice(1);
    const rationale = rows[1]?.[CSV_HEADER.indexOf("rationale")];
    expect(rationale?.startsWith(`'${HOSTILE.formula}`)).toBe(true);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("says DRAFT on every row of a draft", () => {
    const rows = parseCsv(renderCsv(draftModel()).slice(1)).slice(1);
    expect(rows.map((r) => r[0])).toEqual(["DRAFT", "DRAFT"]);
  });

  it("puts the speaker's role in its own column", () => {
    const model = fixedModel();
    const quoted = model.claims.find((c) => c.speaker) as (typeof model.claims)[number];
    quoted.speakerRole = "Tajik analyst";
    const rows = parseCsv(renderCsv(model).slice(1));
    const row = rows.find((r) => r[CSV_HEADER.indexOf("claim_id")] === quoted.id);
    expect(row?.[CSV_HEADER.indexOf("speaker_role")]).toBe("Tajik analyst");
    for (const other of rows.slice(1)) {
      if (other !== row) expect(other[CSV_HEADER.indexOf("speaker_role")]).toBe("");
    }
  });
});
