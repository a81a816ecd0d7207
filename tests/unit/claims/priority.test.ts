import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { claimPriority, LOW_PRIORITY_BELOW } from "@/lib/claims/priority";
import { CHECKWORTHY_THRESHOLD } from "@/lib/claims/score";
import { thresholdFile, thresholdJson } from "@/lib/claims/training/train";

const MODEL = "@/lib/claims/model/checkworthiness.json";
const modelFile = new URL("../../../lib/claims/model/checkworthiness.json", import.meta.url);

describe("claim priority", () => {
  it("puts extracted claims below the scorer's threshold in the low band", () => {
    expect(claimPriority({ origin: "extracted", score: CHECKWORTHY_THRESHOLD - 0.01 })).toBe("low");
    expect(claimPriority({ origin: "extracted", score: CHECKWORTHY_THRESHOLD })).toBe("normal");
    expect(claimPriority({ origin: "extracted", score: 0.99 })).toBe("normal");
  });

  it("never ranks a claim added by hand low", () => {
    expect(claimPriority({ origin: "manual", score: 0 })).toBe("normal");
  });
});

describe("the priority band's threshold", () => {
  it("is the committed model's threshold", () => {
    const model = JSON.parse(readFileSync(modelFile, "utf8")) as { threshold: number };
    expect(LOW_PRIORITY_BELOW).toBe(model.threshold);
    expect(LOW_PRIORITY_BELOW).toBe(CHECKWORTHY_THRESHOLD);
  });

  it("is the file claims:train writes beside the model, byte for byte", () => {
    const model = JSON.parse(readFileSync(modelFile, "utf8")) as { threshold: number };
    const path = thresholdFile(modelFile.pathname);
    expect(path).toBe(
      new URL("../../../lib/claims/model/threshold.json", import.meta.url).pathname,
    );
    expect(readFileSync(path, "utf8")).toBe(thresholdJson(model));
  });

  it("is read without loading the model (a page showing priorities stays light)", async () => {
    let loaded = 0;
    vi.resetModules();
    vi.doMock(MODEL, () => {
      loaded++;
      const empty = { ngram: 1, charNgrams: [], cues: false };
      return {
        default: { version: 3, threshold: 0.5, bias: 0, config: empty, features: "", weights: [] },
      };
    });
    try {
      const priority = await import("@/lib/claims/priority");
      expect(priority.claimPriority({ origin: "extracted", score: 0 })).toBe("low");
      expect(priority.LOW_PRIORITY_BELOW).toBe(CHECKWORTHY_THRESHOLD);
      expect(loaded).toBe(0);
      // The probe sees the scorer, which does load the model.
      await import("@/lib/claims/score");
      expect(loaded).toBe(1);
    } finally {
      vi.doUnmock(MODEL);
      vi.resetModules();
    }
  });
});
