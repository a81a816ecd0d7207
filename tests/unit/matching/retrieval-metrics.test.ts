import { describe, expect, it } from "vitest";
import {
  averagePrecisionAt,
  formatRun,
  parseQrels,
  parseQueries,
  parseVerifiedClaims,
  RetrievalFormatError,
  retrievalMetrics,
} from "@/lib/claims/training/retrieval";

describe("retrieval files", () => {
  it("reads candidates, queries and qrels with their header lines", () => {
    expect(parseVerifiedClaims("\tvclaim\ttitle\n0\tA claim.\tA title\n1\tOther.\t\n")).toEqual([
      { id: "0", claim: "A claim.", title: "A title" },
      { id: "1", claim: "Other.", title: "" },
    ]);
    expect(parseQueries("\ttweet_content\n7\tA post\n")).toEqual([{ id: "7", text: "A post" }]);
    const qrels = parseQrels("7\t0\t1\t1\n8 0 0 1\n8 0 1 0\n");
    expect([...(qrels.get("7") ?? [])]).toEqual(["1"]);
    expect([...(qrels.get("8") ?? [])]).toEqual(["0"]);
  });

  it("refuses a malformed line with its number", () => {
    expect(() => parseQueries("\ttweet\n7 no tab\n")).toThrow(RetrievalFormatError);
    expect(() => parseQrels("7 0 1\n")).toThrow(/line 1/);
  });
});

describe("metrics", () => {
  it("averages 1/rank of the relevant candidate within the top five", () => {
    expect(averagePrecisionAt(["a", "b"], new Set(["b"]), 5)).toBe(0.5);
    expect(averagePrecisionAt(["a", "b", "c", "d", "e", "f"], new Set(["f"]), 5)).toBe(0);
    const runs = new Map([
      ["q1", [{ candidateId: "x", score: 1 }]],
      [
        "q2",
        [
          { candidateId: "a", score: 1 },
          { candidateId: "y", score: 0.5 },
        ],
      ],
    ]);
    const qrels = new Map([
      ["q1", new Set(["x"])],
      ["q2", new Set(["y"])],
      ["q3", new Set(["z"])],
    ]);
    expect(retrievalMetrics(runs, qrels)).toEqual({ map5: 0.5, mrr: 0.5, p_at_1: 0.3333, n: 3 });
  });

  it("writes TREC run lines", () => {
    const runs = new Map([["q1", [{ candidateId: "x", score: 0.5 }]]]);
    expect(formatRun(runs, "t")).toBe("q1 Q0 x 1 0.500000 t\n");
  });
});
