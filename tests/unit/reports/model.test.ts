import { describe, expect, it } from "vitest";
import { buildReportModel, reportFileName, safeHttpUrl, segmentBody } from "@/lib/reports/model";
import { draftModel, FIXED_INPUT, fixedModel, OPTIONS } from "./fixture";

describe("report model", () => {
  it("numbers claims in text order, leaves dismissed ones out and counts them", () => {
    const model = fixedModel();
    expect(model.claims.map((c) => [c.number, c.anchor, c.kind])).toEqual([
      [1, "claim-1", "quantity"],
      [2, "claim-2", "date"],
    ]);
    expect(model.summary).toEqual({
      claimsTotal: 3,
      claimsChecked: 2,
      claimsDismissed: 1,
      claimsOpen: 0,
      verdictCounts: {
        true: 0,
        mostly_true: 1,
        half_true: 0,
        mostly_false: 0,
        false: 0,
        misleading: 1,
        unproven: 0,
      },
    });
    expect(model.draft).toBe(false);
    expect(model.open).toEqual([]);
  });

  it("numbers sources through the whole report and keeps verdict people and dates", () => {
    const model = fixedModel();
    expect(model.claims.flatMap((c) => c.sources.map((s) => s.number))).toEqual([1, 2, 3]);
    expect(model.claims[0]?.verdict).toMatchObject({
      label: "Mostly true",
      ratingValue: 4,
      reviewer: "Rita Reviewer",
      approver: "Eddie Editor",
      approvedAt: "2026-01-03T11:00:00.000Z",
    });
    expect(model.claims[1]?.verdict).toMatchObject({ label: "Misleading", ratingValue: null });
  });

  it("links corrections to claim numbers and carries methodology and the scale", () => {
    const model = fixedModel();
    expect(model.corrections).toEqual([
      expect.objectContaining({ claimNumber: 2, date: "2026-01-06T09:00:00.000Z" }),
    ]);
    expect(model.methodology).toContain("Claimtrack Desk");
    expect(model.ratingScale).toHaveLength(7);
  });

  it("marks a report DRAFT and lists what is open when a claim lacks an approved verdict", () => {
    const model = draftModel();
    expect(model.draft).toBe(true);
    expect(model.open).toEqual([
      { number: 2, text: FIXED_INPUT.claims[1]?.text, status: "in_review" },
    ]);
    expect(model.summary.claimsOpen).toBe(1);
  });

  it("treats an approved claim without an approved verdict as open", () => {
    const input = structuredClone(FIXED_INPUT);
    if (input.claims[0]) input.claims[0].verdict = null;
    expect(buildReportModel(input, OPTIONS).draft).toBe(true);
  });

  it("cuts the body at claims and skips overlapping spans", () => {
    expect(
      segmentBody("abcdefgh", [
        { number: 1, start: 1, end: 3 },
        { number: 2, start: 2, end: 4 },
        { number: 3, start: 5, end: 6 },
      ]),
    ).toEqual([
      { text: "a", claim: null },
      { text: "bc", claim: 1 },
      { text: "de", claim: null },
      { text: "f", claim: 3 },
      { text: "gh", claim: null },
    ]);
  });

  it("links only http(s) URLs", () => {
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,x")).toBeNull();
    expect(safeHttpUrl("not a url")).toBeNull();
    expect(safeHttpUrl("https://a.test/x")).toBe("https://a.test/x");
  });

  it("makes ASCII-only file names", () => {
    expect(reportFileName(fixedModel(), "pdf")).toBe(
      "fact-check-kazakhstan-script-alert-x-script-2026-01-07.pdf",
    );
    expect(reportFileName(draftModel(), "csv")).toMatch(/^fact-check-[a-z0-9-]+-draft\.csv$/);
  });
});
