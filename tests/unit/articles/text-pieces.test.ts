import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cut } from "@/app/(app)/articles/[articleId]/text-pieces";
import { trimSpan } from "@/app/(app)/articles/[articleId]/text-selection";

describe("article text pieces", () => {
  it("cuts at claim edges and shows the narrowest claim where claims overlap", () => {
    const body = "0123456789ABCDEF";
    const wide = { id: "wide", start: 2, end: 12 };
    const narrow = { id: "narrow", start: 5, end: 8 };
    const pieces = cut(body, [wide, narrow]);
    expect(pieces.map((p) => [p.start, p.end, p.claim?.id ?? null, p.closes])).toEqual([
      [0, 2, null, false],
      [2, 5, "wide", false],
      [5, 8, "narrow", true],
      [8, 12, "wide", true],
      [12, 16, null, false],
    ]);
  });

  it("always covers the whole text exactly once, in order, for any claims", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(70), fc.nat(70)), { maxLength: 12 }),
        (body, spans) => {
          const claims = spans.map(([a, b], i) => ({
            id: String(i),
            start: Math.min(a, b),
            end: Math.max(a, b),
          }));
          const pieces = cut(body, claims);
          expect(pieces.map((p) => body.slice(p.start, p.end)).join("")).toBe(body);
          for (const piece of pieces) {
            expect(piece.end).toBeGreaterThan(piece.start);
            if (piece.claim) {
              expect(piece.claim.start).toBeLessThanOrEqual(piece.start);
              expect(piece.claim.end).toBeGreaterThanOrEqual(piece.end);
            }
          }
        },
      ),
    );
  });

  it("trims white space from a selection and drops an all-blank one", () => {
    expect(trimSpan({ start: 10, end: 18, text: "  word \n" })).toEqual({
      start: 12,
      end: 16,
      text: "word",
    });
    expect(trimSpan({ start: 0, end: 3, text: " \n " })).toBeNull();
  });
});
