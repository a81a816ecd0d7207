import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildClaimReviews,
  claimReviewForScript,
  renderClaimReview,
} from "@/lib/reports/render-claimreview";
import { draftModel, fixedModel } from "./fixture";

const spec = JSON.parse(
  fs.readFileSync("tests/fixtures/schema-org/claimreview-types.json", "utf8"),
) as {
  types: Record<string, Record<string, string[]>>;
  subtypes: Record<string, string[]>;
  google: {
    required: string[];
    reviewRatingRequired: string[];
    recommended: string[];
    itemReviewedRecommended: string[];
  };
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Does a value fit one of schema.org's expected types? Objects are checked recursively. */
function fits(value: unknown, expected: string, path: string, problems: string[]): boolean {
  switch (expected) {
    case "Text":
      return typeof value === "string" && value.length > 0;
    case "Number":
      return typeof value === "number" && Number.isFinite(value);
    case "URL":
      return typeof value === "string" && /^https?:\/\/[^\s]+$/.test(value);
    case "Date":
      return typeof value === "string" && ISO_DATE.test(value);
    case "DateTime":
      return typeof value === "string" && ISO_DATE_TIME.test(value);
    default: {
      if (typeof value !== "object" || value === null) return false;
      const type = (value as Record<string, unknown>)["@type"];
      const allowed = spec.subtypes[expected] ?? [expected];
      if (typeof type !== "string" || !allowed.includes(type)) return false;
      check(value as Record<string, unknown>, path, problems);
      return true;
    }
  }
}

/** Every property is one schema.org defines for the node's @type, with a value of its type. */
function check(node: Record<string, unknown>, path: string, problems: string[]) {
  const type = String(node["@type"]);
  const properties = spec.types[type];
  if (!properties) {
    problems.push(`${path}: unknown type ${type}`);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "@type" || (key === "@context" && path === "$")) continue;
    const expected = properties[key];
    if (!expected) {
      problems.push(`${path}.${key}: not a ${type} property`);
      continue;
    }
    if (!expected.some((t) => fits(value, t, `${path}.${key}`, problems))) {
      problems.push(`${path}.${key}: ${JSON.stringify(value)} is not ${expected.join(" or ")}`);
    }
  }
}

describe("ClaimReview JSON-LD", () => {
  const reviews = buildClaimReviews(fixedModel());

  it("has one ClaimReview per approved claim", () => {
    expect(reviews).toHaveLength(2);
    expect(buildClaimReviews(draftModel())).toHaveLength(1);
  });

  it("uses only schema.org properties of ClaimReview, Claim, Rating, Organization, Person, CreativeWork, with the right value types", () => {
    for (const review of reviews) {
      expect(review["@context"]).toBe("https://schema.org");
      expect(review["@type"]).toBe("ClaimReview");
      const problems: string[] = [];
      check(review, "$", problems);
      expect(problems).toEqual([]);
    }
  });

  it("has Google's required and recommended fields", () => {
    for (const review of reviews) {
      for (const key of spec.google.required) expect(review).toHaveProperty(key);
      for (const key of spec.google.recommended) expect(review).toHaveProperty(key);
      const rating = review.reviewRating as Record<string, unknown>;
      for (const key of spec.google.reviewRatingRequired) expect(rating).toHaveProperty(key);
      const item = review.itemReviewed as Record<string, unknown>;
      expect(item["@type"]).toBe("Claim");
      for (const key of spec.google.itemReviewedRecommended) expect(item).toHaveProperty(key);
    }
  });

  it("fills the values from the report", () => {
    const [first, second] = reviews as Record<string, Record<string, unknown>>[];
    expect(first).toMatchObject({
      url: "https://reports.example/r/token123#claim-1",
      claimReviewed: "Troops numbering around 2,500 personnel arrived.",
      datePublished: "2026-01-03",
      author: { "@type": "Organization", name: "Claimtrack Desk" },
      reviewRating: {
        "@type": "Rating",
        alternateName: "Mostly true",
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "India Narrative" },
        datePublished: "2022-01-15",
        appearance: { "@type": "CreativeWork", url: "https://example.org/article?a=1&b=2" },
      },
    });
    // Off the 1–5 scale: alternateName only; a quoted speaker is the claim's author.
    expect(second?.reviewRating).toEqual({ "@type": "Rating", alternateName: "Misleading" });
    expect(second?.itemReviewed).toHaveProperty("author", {
      "@type": "Person",
      name: "Parvaiz <b>Mullajanov</b>",
    });
  });

  it("names the speaker's role as a Person's jobTitle, and a body as an Organization", () => {
    const model = fixedModel();
    const quoted = model.claims[1];
    if (!quoted) throw new Error("fixture has a second claim");
    quoted.speaker = "Parvaiz Mullajanov";
    quoted.speakerRole = "Tajik analyst";
    const [, withRole] = buildClaimReviews(model) as Record<string, Record<string, unknown>>[];
    expect(withRole?.itemReviewed).toHaveProperty("author", {
      "@type": "Person",
      name: "Parvaiz Mullajanov",
      jobTitle: "Tajik analyst",
    });
    quoted.speaker = "Interior Ministry";
    quoted.speakerRole = null;
    const [, body] = buildClaimReviews(model) as Record<string, Record<string, unknown>>[];
    expect(body?.itemReviewed).toHaveProperty("author", {
      "@type": "Organization",
      name: "Interior Ministry",
    });
  });

  it("cannot close its script element", () => {
    const text = claimReviewForScript(fixedModel());
    expect(text).not.toContain("<");
    expect(text).not.toContain(">");
    expect(JSON.parse(text)).toEqual(reviews);
    expect(JSON.parse(renderClaimReview(fixedModel()))).toEqual(reviews);
  });
});

describe("ClaimReview expires", () => {
  it("carries the re-check date as schema.org `expires`, only where there is one", () => {
    const model = fixedModel();
    const [first, second] = model.claims;
    if (!first || !second) throw new Error("fixture has two claims");
    first.recheckOn = "2027-03-31";
    second.recheckOn = null;
    const [withDate, without] = buildClaimReviews(model);
    expect(withDate).toHaveProperty("expires", "2027-03-31");
    expect(without).not.toHaveProperty("expires");
    const problems: string[] = [];
    check(withDate as Record<string, unknown>, "$", problems);
    expect(problems).toEqual([]);
    // Embedded the same way as the rest: the date needs no escaping, and the rules still hold.
    const script = claimReviewForScript(model);
    expect(script).toContain('"expires":"2027-03-31"');
    expect(script).not.toMatch(/[<>&]/);
    expect(JSON.parse(script)[0].expires).toBe("2027-03-31");
  });
});
