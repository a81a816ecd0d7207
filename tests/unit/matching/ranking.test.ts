import { describe, expect, it } from "vitest";
import {
  BM25_DEFAULTS,
  bm25,
  classifyScore,
  idf,
  type QueryTerm,
  scoreCandidate,
  selfScore,
  termScore,
  weightedFrequency,
} from "@/lib/claims/match";

const stats = { docs: 1000, lexemes: 12000 };

describe("BM25", () => {
  it("gives rarer terms more weight, and never a negative one", () => {
    expect(idf(1, 1000)).toBeGreaterThan(idf(10, 1000));
    expect(idf(10, 1000)).toBeGreaterThan(idf(900, 1000));
    expect(idf(1000, 1000)).toBeGreaterThan(0);
  });

  it("saturates repeated terms and favours shorter documents", () => {
    const once = termScore({ tf: 1, df: 10 }, 12, stats);
    const twice = termScore({ tf: 2, df: 10 }, 12, stats);
    const tenTimes = termScore({ tf: 10, df: 10 }, 12, stats);
    expect(twice).toBeGreaterThan(once);
    expect(twice - once).toBeGreaterThan(tenTimes - twice > 0 ? (tenTimes - twice) / 8 : 0);
    expect(tenTimes).toBeLessThan(once * (BM25_DEFAULTS.k1 + 1));
    expect(termScore({ tf: 1, df: 10 }, 6, stats)).toBeGreaterThan(once);
    expect(termScore({ tf: 1, df: 10 }, 40, stats)).toBeLessThan(once);
  });

  it("sums the shared terms, scaled by the query's weight of each", () => {
    const a = termScore({ tf: 1, df: 5 }, 10, stats);
    const b = termScore({ tf: 1, df: 50 }, 10, stats);
    expect(
      bm25(
        [
          { tf: 1, df: 5 },
          { tf: 1, df: 50, queryWeight: 0.5 },
        ],
        10,
        stats,
      ),
    ).toBeCloseTo(a + b / 2);
  });

  it("weighs occurrences by the part of the claim they are in", () => {
    expect(weightedFrequency(["A", "A"], BM25_DEFAULTS.weights)).toBe(2);
    expect(weightedFrequency(["A", "B"], { A: 1, B: 0.5, C: 0.25, D: 0.1 })).toBe(1.5);
    expect(weightedFrequency(["X"], { A: 1, B: 0.5, C: 0.25, D: 0.1 })).toBe(0.1);
  });
});

function query(words: Record<string, number>, extra: Partial<QueryTerm> = {}) {
  const terms: QueryTerm[] = Object.entries(words).map(([lexeme, df]) => ({
    lexeme,
    df,
    tf: 1,
    queryWeight: 1,
    word: `${lexeme}s`,
    ...extra,
  }));
  const ctx = { stats };
  return { terms, self: selfScore(terms, terms.length, ctx), length: terms.length };
}

describe("scoreCandidate", () => {
  const q = query({ troop: 20, kazakhstan: 5, arriv: 100, csto: 3 });
  const side = { values: null, speaker: null };

  it("scores the query against itself as 1, and a partial overlap below", () => {
    const same = scoreCandidate(
      { ...q, ...side },
      { ...side, length: 4, shared: q.terms.map((t) => ({ lexeme: t.lexeme, tf: 1 })) },
      { stats },
    );
    expect(same.score).toBeCloseTo(1);
    const part = scoreCandidate(
      { ...q, ...side },
      {
        ...side,
        length: 6,
        shared: [
          { lexeme: "kazakhstan", tf: 1 },
          { lexeme: "arriv", tf: 1 },
        ],
      },
      { stats },
    );
    expect(part.score).toBeGreaterThan(0.2);
    expect(part.score).toBeLessThan(0.8);
    // Reasons name the words as written, the most telling first.
    expect(part.reasons.sharedTerms).toEqual(["kazakhstans", "arrivs"]);
  });

  it("lifts a match whose values and speaker agree, and lowers one whose figures differ", () => {
    const shared = [
      { lexeme: "troop", tf: 1 },
      { lexeme: "kazakhstan", tf: 1 },
    ];
    const plain = scoreCandidate({ ...q, ...side }, { ...side, length: 6, shared }, { stats });
    const agreeing = scoreCandidate(
      { ...q, values: { quantity: 2500, unit: "troops" }, speaker: "Kassym-Jomart Tokayev" },
      { values: { quantity: 2480 }, speaker: "President Tokayev", length: 6, shared },
      { stats },
    );
    expect(agreeing.score).toBeGreaterThan(plain.score);
    expect(agreeing.reasons.agreeingValues).toEqual(["2,500 troops"]);
    expect(agreeing.reasons.sameSpeaker).toBe("President Tokayev");
    const conflicting = scoreCandidate(
      { ...q, values: { quantity: 2500 }, speaker: null },
      { values: { quantity: 4000 }, speaker: null, length: 6, shared },
      { stats },
    );
    expect(conflicting.score).toBeLessThan(plain.score);
  });

  it("keeps every score within 0..1", () => {
    const boosted = scoreCandidate(
      { ...q, values: { date: "2022-01-06", article: "4" }, speaker: "Rowe" },
      {
        values: { date: "2022-01-06", article: "4" },
        speaker: "Alison Rowe",
        length: 4,
        shared: q.terms.map((t) => ({ lexeme: t.lexeme, tf: 3 })),
      },
      { stats },
    );
    expect(boosted.score).toBeLessThanOrEqual(1);
    expect(boosted.score).toBeGreaterThan(0.9);
  });
});

describe("classifyScore", () => {
  const thresholds = { suggest: 0.4, strong: 0.7 };
  it("suggests at the suggestion threshold and calls it strong at the strong one", () => {
    expect(classifyScore(0.39, thresholds)).toBeNull();
    expect(classifyScore(0.4, thresholds)).toBe("suggest");
    expect(classifyScore(0.69, thresholds)).toBe("suggest");
    expect(classifyScore(0.7, thresholds)).toBe("strong");
    expect(classifyScore(1, thresholds)).toBe("strong");
  });
});
