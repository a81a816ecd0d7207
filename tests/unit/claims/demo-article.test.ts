import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";

interface Expected {
  claims: Array<{ anchor: string; kind: string; values: Record<string, unknown> }>;
  not_claims: string[];
}

const root = fileURLToPath(new URL("../../../", import.meta.url));
const article = readFileSync(`${root}db/demo/kazakhstan-csto/article.txt`, "utf8");
const expected = JSON.parse(
  readFileSync(`${root}tests/fixtures/kazakhstan-csto/expected-claims.json`, "utf8"),
) as Expected;

// Spaces in the fixture stand for any white space: the article has non-breaking spaces.
function locate(text: string, anchor: string): { start: number; end: number } {
  const pattern = anchor
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  const match = new RegExp(pattern, "u").exec(text);
  if (!match) throw new Error(`anchor not in article: ${anchor}`);
  return { start: match.index, end: match.index + match[0].length };
}

describe("the demo article (Kazakhstan, CSTO)", () => {
  const claims = extractClaims(article, { publishedOn: "2022-01-15", approximateDate: true });

  it("finds claims at all", () => {
    expect(claims.length).toBeGreaterThan(0);
  });

  for (const want of expected.claims) {
    it(`finds the ${want.kind} claim "${want.anchor}"`, () => {
      const anchor = locate(article, want.anchor);
      const overlapping = claims.filter((c) => c.start < anchor.end && c.end > anchor.start);
      expect(overlapping.map((c) => c.kind)).toContain(want.kind);
      const claim = overlapping.find((c) => c.kind === want.kind);
      expect(claim?.values).toMatchObject(want.values);
    });
  }

  for (const furniture of expected.not_claims) {
    it(`yields no claim overlapping "${furniture}"`, () => {
      const anchor = locate(article, furniture);
      const overlapping = claims.filter((c) => c.start < anchor.end && c.end > anchor.start);
      expect(overlapping).toEqual([]);
    });
  }

  it("gives every sentence of the Mullajanov quotation its speaker", () => {
    const start = article.indexOf("According to Tajik analyst");
    const end = article.indexOf("make such decisions", start);
    const inside = claims.filter((c) => c.start >= start && c.start < end);
    expect(inside.length).toBeGreaterThanOrEqual(3);
    for (const claim of inside) {
      expect(claim.speaker).toBe("Parvaiz Mullajanov");
      expect(claim.speakerRole).toBe("Tajik analyst");
    }
  });

  it("gives each fact of the sentence joined by semicolons its own claim", () => {
    const start = article.indexOf("The brief interlude");
    const end = article.indexOf("existed in the country", start);
    const inside = claims.filter((c) => c.start >= start && c.end <= end + 30);
    expect(inside.map((c) => c.text.slice(0, 24))).toEqual([
      "Tokayev has removed him ",
      "several of his relatives",
      "there is now open critic",
    ]);
  });

  it("keeps every claim's text equal to its span and its context to 32 characters", () => {
    for (const claim of claims) {
      expect(claim.text).toBe(article.slice(claim.start, claim.end));
      expect(claim.prefix).toBe(article.slice(Math.max(0, claim.start - 32), claim.start));
      expect(claim.suffix).toBe(article.slice(claim.end, claim.end + 32));
      expect(claim.score).toBeGreaterThanOrEqual(0);
      expect(claim.score).toBeLessThanOrEqual(1);
    }
  });

  it("returns claims in text order without overlaps", () => {
    for (let i = 1; i < claims.length; i++) {
      expect(claims[i]?.start).toBeGreaterThanOrEqual(claims[i - 1]?.end ?? 0);
    }
  });

  it("leaves the year unknown without a published date", () => {
    const undated = extractClaims(article);
    const anchor = locate(article, "slated to be completed by 19 January");
    const claim = undated.find((c) => c.start < anchor.end && c.end > anchor.start);
    expect(claim?.kind).toBe("date");
    expect(claim?.values).toEqual({ month: 1, day: 19, yearUnknown: true });
  });
});
