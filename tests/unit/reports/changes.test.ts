import { describe, expect, it } from "vitest";
import { diffReports } from "@/lib/reports/changes";
import { buildReportModel } from "@/lib/reports/model";
import { FIXED_INPUT, fixedModel, OPTIONS } from "./fixture";

describe("diffReports", () => {
  it("finds nothing between identical reports", () => {
    expect(diffReports(fixedModel(), fixedModel())).toEqual([]);
  });

  it("names a changed rating, a revised rationale, an added and a withdrawn verdict", () => {
    const input = structuredClone(FIXED_INPUT);
    const [first, second, third] = input.claims;
    if (!first?.verdict || !second?.verdict || !third) throw new Error("fixture");
    first.verdict.rating = "false";
    second.verdict.rationale = "Revised.";
    const next = buildReportModel(input, OPTIONS);
    const changes = diffReports(fixedModel(), next);
    expect(changes.map((c) => c.description)).toEqual([
      expect.stringMatching(/^“Troops.*verdict changed from Mostly true to False\.$/),
      expect.stringMatching(/^“The withdrawal.*verdict Misleading kept, rationale revised\.$/),
    ]);

    const withdrawn = structuredClone(FIXED_INPUT);
    if (withdrawn.claims[0]) {
      withdrawn.claims[0].status = "in_review";
      withdrawn.claims[0].verdict = null;
    }
    const back = diffReports(fixedModel(), buildReportModel(withdrawn, OPTIONS));
    expect(back.map((c) => c.description)).toEqual([
      expect.stringMatching(/verdict Mostly true withdrawn\.$/),
    ]);
    const added = diffReports(buildReportModel(withdrawn, OPTIONS), fixedModel());
    expect(added.map((c) => c.description)).toEqual([
      expect.stringMatching(/^“Troops.*verdict Mostly true added\.$/),
    ]);
  });
});
