import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reanchor } from "@/lib/claims";
import { boundedEditDistance } from "@/lib/claims/anchor";

function selectorOf(text: string, start: number, end: number) {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    start,
  };
}

const SENTENCES = [
  "Troops numbering around 2,500 personnel were rushed into Kazakhstan.",
  "Article 4 of the Collective Security Treaty covers aggression against a member.",
  "The withdrawal was slated to be completed by 19 January.",
  "Karim Masimov is being investigated on suspicion of an attempted coup.",
  "The request for troops was made as it would be more acceptable to the public.",
  "Statues of the former president were felled in several cities.",
];

// An article of distinct sentences with one of them chosen as the claim.
const articleWithClaim = fc
  .tuple(
    fc.shuffledSubarray(SENTENCES, { minLength: 2 }),
    fc.nat(),
    fc.string({ unit: "grapheme", maxLength: 20 }),
  )
  .map(([sentences, pick, noise]) => {
    const index = pick % sentences.length;
    const text = sentences.map((s, i) => (i === 0 ? `${noise} ${s}` : s)).join(" ");
    const claimText = sentences[index] as string;
    const start = text.indexOf(claimText);
    return { text, start, end: start + claimText.length };
  });

describe("reanchor", () => {
  it("finds an unchanged claim at its old offset", () => {
    const text = "One. Troops numbering around 2,500 personnel. Two.";
    const start = text.indexOf("Troops");
    const end = text.indexOf(" Two");
    expect(reanchor(text, selectorOf(text, start, end))).toEqual({ start, end, match: "exact" });
  });

  it("follows the claim when text is inserted before it", () => {
    const text = "Intro. The claim is here. Outro.";
    const selector = selectorOf(text, 7, 25);
    const edited = `A new first paragraph.\n\n${text}`;
    expect(reanchor(edited, selector)).toEqual({ start: 31, end: 49, match: "exact" });
  });

  it("uses the context to choose between repeated copies of the claim text", () => {
    const text = "Alpha said: prices rose. Beta said: prices rose. Gamma said: prices rose.";
    const start = text.indexOf("prices rose", text.indexOf("Beta"));
    const selector = selectorOf(text, start, start + "prices rose".length);
    const edited = `Preface. ${text.replace("Alpha said", "Alpha wrote")}`;
    const found = reanchor(edited, selector);
    const expected = edited.indexOf("prices rose", edited.indexOf("Beta"));
    expect(found).toEqual({ start: expected, end: expected + 11, match: "exact" });
  });

  it("finds a claim whose wording was lightly edited, and says the match is fuzzy", () => {
    const text =
      "Intro sentence here. Troops numbering around 2,500 personnel were sent. Outro text follows.";
    const start = text.indexOf("Troops");
    const end = text.indexOf(" Outro");
    const edited = text.replace("around 2,500", "about 2,500");
    const found = reanchor(edited, selectorOf(text, start, end));
    expect(found).toEqual({
      start,
      end: edited.indexOf(" Outro"),
      match: "fuzzy",
    });
  });

  it("returns null when the claim's text is deleted", () => {
    const text =
      "Intro sentence here. Troops numbering around 2,500 personnel were sent. Outro text follows.";
    const start = text.indexOf("Troops");
    const end = text.indexOf(" Outro");
    const edited = text.slice(0, start) + text.slice(end + 1);
    expect(reanchor(edited, selectorOf(text, start, end))).toBeNull();
  });

  it("returns null for an empty selector", () => {
    expect(reanchor("anything", { exact: "", prefix: "", suffix: "", start: 0 })).toBeNull();
  });

  it("property: edits outside a claim never lose it", () => {
    fc.assert(
      fc.property(
        articleWithClaim,
        fc.nat(),
        fc.nat({ max: 30 }),
        fc.string({ unit: "grapheme", maxLength: 40 }),
        ({ text, start, end }, at, deleteCount, insert) => {
          const selector = selectorOf(text, start, end);
          // Choose an edit position before or after the claim, never inside it.
          const outside = text.length - (end - start);
          const position = outside === 0 ? 0 : at % (outside + 1);
          const editAt = position <= start ? position : position + (end - start);
          const limit = editAt <= start ? start - editAt : text.length - editAt;
          const removed = Math.min(deleteCount, limit);
          const edited = text.slice(0, editAt) + insert + text.slice(editAt + removed);
          const shift = editAt <= start ? insert.length - removed : 0;
          const found = reanchor(edited, selector);
          expect(found).not.toBeNull();
          expect(edited.slice(found?.start, found?.end)).toBe(selector.exact);
          expect(found?.match).toBe("exact");
          // When the claim's text occurs once, the span is exactly where it moved to.
          if (edited.indexOf(selector.exact) === edited.lastIndexOf(selector.exact)) {
            expect(found?.start).toBe(start + shift);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property: after the claim's text is deleted, no span is passed off as the old text", () => {
    fc.assert(
      fc.property(
        articleWithClaim,
        fc.string({ unit: "grapheme", maxLength: 20 }),
        ({ text, start, end }, replacement) => {
          const selector = selectorOf(text, start, end);
          const edited = text.slice(0, start) + replacement + text.slice(end);
          const found = reanchor(edited, selector);
          if (found === null) return;
          expect(found.start).toBeGreaterThanOrEqual(0);
          expect(found.end).toBeLessThanOrEqual(edited.length);
          const spanText = edited.slice(found.start, found.end);
          if (found.match === "exact") expect(spanText).toBe(selector.exact);
          else {
            expect(spanText).not.toBe(selector.exact);
            // A fuzzy span must still be recognisably the old text, not whatever replaced it.
            const limit = Math.floor(Math.max(spanText.length, selector.exact.length) * 0.3);
            expect(boundedEditDistance(spanText, selector.exact, limit)).toBeLessThanOrEqual(limit);
          }
          // An unrelated replacement never resurrects the claim.
          if (!edited.includes(selector.exact) && replacement.length < selector.exact.length / 2) {
            expect(found).toBeNull();
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("boundedEditDistance", () => {
  it("matches the plain Levenshtein distance within the bound", () => {
    expect(boundedEditDistance("kitten", "sitting", 5)).toBe(3);
    expect(boundedEditDistance("", "abc", 5)).toBe(3);
    expect(boundedEditDistance("abc", "abc", 0)).toBe(0);
    expect(boundedEditDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it("property: is symmetric and never exceeds limit + 1", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.nat({ max: 25 }),
        (a, b, limit) => {
          const d = boundedEditDistance(a, b, limit);
          expect(d).toBe(boundedEditDistance(b, a, limit));
          expect(d).toBeLessThanOrEqual(limit + 1);
        },
      ),
    );
  });
});
