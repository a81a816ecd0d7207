import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLAIM_KINDS, extractClaims } from "@/lib/claims";

// Pieces that stress offsets and tokenisation: astral emoji, RTL text, combining marks,
// non-breaking and zero-width spaces, CRLF, NUL, lone surrogates, quotes and real claim words.
const PIECES = [
  "a",
  "Troops",
  " ",
  "\u00a0",
  "\r\n",
  "\n\n",
  "\t",
  "\0",
  "😀",
  "👩‍👩‍👧",
  "שלום",
  "مرحبا",
  "e\u0301",
  "\u200b",
  "\ufeff",
  "\ud800",
  ".",
  "?",
  '"',
  "“",
  "”",
  "'",
  "2,500",
  "3.5%",
  "$5m",
  "19 January",
  "Article 4 of the Treaty",
  "said John Smith",
  "According to Parvaiz Mullajanov,",
  "• ",
  "(",
];

const messy = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
);

describe("extractClaims on arbitrary text", () => {
  it("never throws and always returns valid, ordered spans", () => {
    fc.assert(
      fc.property(messy, fc.boolean(), (text, dated) => {
        const claims = extractClaims(text, dated ? { publishedOn: "2022-01-15" } : {});
        let previousEnd = 0;
        for (const claim of claims) {
          expect(Number.isInteger(claim.start) && Number.isInteger(claim.end)).toBe(true);
          expect(claim.start).toBeGreaterThanOrEqual(previousEnd);
          expect(claim.end).toBeGreaterThan(claim.start);
          expect(claim.end).toBeLessThanOrEqual(text.length);
          expect(claim.text).toBe(text.slice(claim.start, claim.end));
          expect(claim.prefix).toBe(text.slice(Math.max(0, claim.start - 32), claim.start));
          expect(claim.suffix).toBe(text.slice(claim.end, claim.end + 32));
          expect(CLAIM_KINDS).toContain(claim.kind);
          expect(claim.score).toBeGreaterThanOrEqual(0);
          expect(claim.score).toBeLessThanOrEqual(1);
          previousEnd = claim.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it("finds the same claims after unicode noise is added around a sentence", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("", "😀 ", "\u00a0", "שלום. ", "\ufeff"),
        fc.constantFrom("", " 😀", "\u00a0", "\r\n"),
        (before, after) => {
          const sentence = "Troops numbering around 2,500 personnel were sent to Almaty.";
          const text = `${before}${sentence}${after}`;
          const claim = extractClaims(text).find((c) => c.kind === "quantity");
          expect(claim?.text).toBe(sentence);
          expect(claim?.start).toBe(before.length);
        },
      ),
    );
  });
});
