import { describe, expect, it } from "vitest";
import { extractArticleClaims } from "@/lib/services/articles/extract-article";

describe("extractArticleClaims", () => {
  it("hands the extractor no run longer than 64 characters, at unchanged offsets", () => {
    const word = "é😀".repeat(5000);
    const body = `Officials said ${word} 300 soldiers left on 2 May 2021. ${"x".repeat(100)}`;
    let seen = "";
    const claims = extractArticleClaims(body, {}, (text) => {
      seen = text;
      const start = body.indexOf("Officials");
      const end = body.indexOf("2021.") + 5;
      return [
        {
          text: text.slice(start, end),
          start,
          end,
          prefix: "",
          suffix: text.slice(end, end + 20),
          kind: "statement",
          score: 1,
          values: {},
        },
      ];
    });
    expect(seen.length).toBe(body.length);
    // 64 characters, or a little more where the cut waits for the end of a surrogate pair.
    expect(Math.max(...seen.split(/\s/).map((run) => run.length))).toBeLessThanOrEqual(66);
    expect(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(seen),
    ).toBe(false);
    // What is stored is the real text, not the cut one.
    expect(claims[0]?.text).toBe(body.slice(claims[0]?.start, claims[0]?.end));
    expect(claims[0]?.suffix).toBe(body.slice(claims[0]?.end, (claims[0]?.end ?? 0) + 20));
  });

  it("leaves ordinary text alone", () => {
    const body = "Officials said 300 soldiers left on 2 May 2021.";
    let seen = "";
    extractArticleClaims(body, {}, (text) => {
      seen = text;
      return [];
    });
    expect(seen).toBe(body);
  });
});
