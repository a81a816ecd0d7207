import { describe, expect, it } from "vitest";
import { claimPriority } from "@/lib/claims/priority";
import { CHECKWORTHY_THRESHOLD } from "@/lib/claims/score";

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
