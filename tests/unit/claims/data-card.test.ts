import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ATTRIBUTION_SECTION,
  dataCard,
  EARLIER_COMPARISON,
  MATCHING_SECTION,
  type TrainingReport,
} from "@/lib/claims/training/data-card";

const metrics = (f1: number) => ({ f1, precision: 0.9, recall: 0.7, n: 318 });

function report(chosen: string, devTestF1: number): TrainingReport {
  return {
    trainedAt: "2026-11-29",
    sentences: { train: 22501, dev: 1032 },
    chosen,
    features: { ngram: 3, charNgrams: [3, 4], cues: true, rowNorm: true, embeddings: true },
    minCount: 2,
    folds: 5,
    candidates: [
      { name: "D", description: "d", lambda: 0.00001, ap: 0.77, f1: 0.6968 },
      { name: "E", description: "e", lambda: 0.00001, ap: 0.774, f1: 0.7003 },
    ],
    lambda: 0.00001,
    threshold: 0.34,
    vocabulary: 1,
    kept: 1,
    wordScores: 1,
    jsonBytes: 1024,
    heldOut: {
      cvAveragePrecision: 0.77,
      cvAtThreshold: metrics(0.7),
      cvNestedThreshold: metrics(0.69),
      devPartAtThreshold: metrics(0.89),
    },
    devTest: metrics(devTestF1),
    prune: 0.002,
    seconds: 1,
  };
}

describe("check-worthiness data card", () => {
  it("lists every dev-test score, the new model's as the third", () => {
    const card = dataCard(report("E", 0.7789));
    expect(card).toContain("scored three times");
    expect(card).toContain("3. **E**, λ = 0.00001");
    expect(card).toContain("E **(chosen)**");
    expect(card).toContain("**Not met**: 0.7789.");
  });

  it("does not count a look when the run chose the same model again", () => {
    const card = dataCard(report("D", 0.7725));
    expect(card).toContain("scored twice");
    expect(card).toContain("the same model as in 2");
  });

  it("keeps the comparison that chose D, with D's row marked", () => {
    const card = dataCard(report("E", 0.79));
    expect(EARLIER_COMPARISON).toHaveLength(16);
    expect(card).toContain(
      "| D **(chosen)** | A + word trigrams + mean GloVe vector | 0.00001 | 0.6968 |",
    );
    expect(card).toContain("Target of the issue: F1 ≥ 0.78 on dev-test. Met.");
  });

  it("is the committed card's generator: the committed card names the chosen model", () => {
    const committed = readFileSync(
      new URL("../../../lib/claims/model/DATA_CARD.md", import.meta.url),
      "utf8",
    );
    const model = JSON.parse(
      readFileSync(
        new URL("../../../lib/claims/model/checkworthiness.json", import.meta.url),
        "utf8",
      ),
    );
    expect(committed).toContain(`Threshold: ${model.threshold},`);
    expect(committed).toContain("How the candidates came about, and every look at dev-test");
    expect(committed.endsWith(`${ATTRIBUTION_SECTION}${MATCHING_SECTION}`)).toBe(true);
  });
});
