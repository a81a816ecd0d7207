import fs from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildReportModel } from "@/lib/reports/model";
import { CSV_HEADER, renderCsv } from "@/lib/reports/render-csv";
import { renderJson } from "@/lib/reports/render-json";
import { renderMarkdown } from "@/lib/reports/render-markdown";
import { FIXED_INPUT, OPTIONS } from "./fixture";

const schema = JSON.parse(fs.readFileSync("lib/reports/report.schema.json", "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The fixture with a re-check date on every claim, its second back in review (no verdict). */
function datedModel() {
  const input = structuredClone(FIXED_INPUT);
  for (const claim of input.claims) claim.recheckOn = "2027-03-31";
  const second = input.claims[1];
  if (second) {
    second.status = "in_review";
    second.verdict = null;
  }
  return buildReportModel(input, OPTIONS);
}

describe("re-check dates in the report", () => {
  it("are kept beside approved verdicts only", () => {
    const model = datedModel();
    for (const claim of model.claims) {
      expect(claim.recheckOn).toBe(claim.verdict ? "2027-03-31" : null);
    }
    expect(model.claims.some((c) => c.verdict === null)).toBe(true);
  });

  it("appear in the JSON export, which still validates, and a snapshot without them does too", () => {
    const parsed = JSON.parse(renderJson(datedModel()));
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.claims[0].recheckOn).toBe("2027-03-31");
    // A publication snapshot from before re-check dates has no such field.
    for (const claim of parsed.claims) delete claim.recheckOn;
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    parsed.claims[0].recheckOn = "31/03/2027";
    expect(validate(parsed)).toBe(false);
  });

  it("are the CSV's last column, recheck_on, empty where there is none", () => {
    expect(CSV_HEADER.at(-1)).toBe("recheck_on");
    const model = datedModel();
    const rows = parse(renderCsv(model), { bom: true }) as string[][];
    const column = CSV_HEADER.indexOf("recheck_on");
    model.claims.forEach((claim, i) => {
      expect(rows[i + 1]?.[column]).toBe(claim.recheckOn ?? "");
    });
  });

  it("are written in the Markdown beside the verdict", () => {
    expect(renderMarkdown(datedModel())).toContain("To be checked again on 2027\\-03\\-31");
  });
});
