import { describe, expect, it } from "vitest";
import { matchReasonWords, matchStrength } from "@/lib/claims/match-words";

describe("match reasons in words", () => {
  it("names agreeing values, the speaker and shared words, in that order", () => {
    expect(
      matchReasonWords({
        sharedTerms: ["troops", "border"],
        agreeingValues: ["2,500 personnel"],
        sameSpeaker: "Ministry of Defence",
      }),
    ).toEqual([
      "Same values: “2,500 personnel”.",
      "Same speaker: Ministry of Defence.",
      "Shared words: “troops” and “border”.",
    ]);
  });

  it("shortens long lists and says how many more", () => {
    const terms = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    expect(matchReasonWords({ sharedTerms: terms })).toEqual([
      "Shared words: “a”, “b”, “c”, “d”, “e”, “f”, “g”, “h” and 2 more.",
    ]);
  });

  it("says nothing when no reason was stored", () => {
    expect(matchReasonWords(null)).toEqual([]);
    expect(matchReasonWords({ sharedTerms: [], agreeingValues: [], sameSpeaker: null })).toEqual(
      [],
    );
  });

  it("calls a score strong from the threshold up", () => {
    expect(matchStrength(0.7, 0.7)).toBe("Strong match (70 %)");
    expect(matchStrength(0.41, 0.7)).toBe("Possible match (41 %)");
    expect(matchStrength(1.7, 0.7)).toBe("Strong match (100 %)");
  });
});
