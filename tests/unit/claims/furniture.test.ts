import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";

describe("paragraphs without a final full stop", () => {
  it("keeps the claims of a paragraph whose last sentence lost its full stop", () => {
    const claims = extractClaims("The withdrawal was completed by 19 January. More details later", {
      publishedOn: "2022-01-15",
    });
    expect(claims.map((c) => [c.kind, c.text])).toContainEqual([
      "date",
      "The withdrawal was completed by 19 January.",
    ]);
  });

  it.each([
    "U.S. Forces Leave Kabul",
    "Russia wins by capping intense power struggle in Kazakhstan",
  ])("still treats the headline %j as furniture", (headline) => {
    expect(extractClaims(headline)).toEqual([]);
  });
});
