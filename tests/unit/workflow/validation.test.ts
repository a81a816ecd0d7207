import { describe, expect, it } from "vitest";
import { addSourceSchema, sourceUrlSchema } from "@/lib/validation/sources";
import { proposeVerdictSchema } from "@/lib/validation/verdicts";

const claimId = "7f1c1a3e-2b4d-4c5e-9f6a-0b1c2d3e4f50";

describe("source URL", () => {
  it.each([
    "https://example.org/report.pdf",
    "http://gov.kz/news?id=1#top",
    "  https://example.org/trimmed  ",
  ])("accepts %s", (url) => {
    expect(sourceUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "//example.org/protocol-relative",
    "example.org/no-scheme",
    "https://",
    "",
  ])("refuses %s", (url) => {
    const result = sourceUrlSchema.safeParse(url);
    expect(result.success).toBe(false);
  });
});

describe("source fields", () => {
  it("names each wrong field and keeps optional ones optional", () => {
    const result = addSourceSchema.safeParse({
      claimId,
      url: "javascript:alert(1)",
      title: "",
      sourceType: "rumour",
      stance: "supports",
      accessedOn: "20 January",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((i) => i.path.join(".")));
    expect(fields).toEqual(new Set(["url", "title", "sourceType", "accessedOn"]));

    const ok = addSourceSchema.parse({
      claimId,
      url: "https://example.org",
      title: "<img src=x onerror=alert(1)>",
      sourceType: "dataset",
      stance: "context",
      publisher: "",
      accessedOn: "",
    });
    // Stored as typed: escaping is the renderer's job, so nothing is silently rewritten.
    expect(ok.title).toBe("<img src=x onerror=alert(1)>");
    expect(ok.publisher).toBeNull();
    expect(ok.accessedOn).toBeNull();
  });
});

describe("verdict proposal", () => {
  it("needs a rating from the scale and a rationale of at least 50 characters", () => {
    const base = { claimId, version: 1, rating: "mostly_true" };
    expect(proposeVerdictSchema.safeParse({ ...base, rationale: "x".repeat(49) }).success).toBe(
      false,
    );
    // Whitespace does not count towards the length.
    expect(
      proposeVerdictSchema.safeParse({ ...base, rationale: `${"x".repeat(49)}          ` }).success,
    ).toBe(false);
    expect(proposeVerdictSchema.safeParse({ ...base, rationale: "x".repeat(50) }).success).toBe(
      true,
    );
    expect(
      proposeVerdictSchema.safeParse({
        ...base,
        rating: "pants_on_fire",
        rationale: "x".repeat(60),
      }).success,
    ).toBe(false);
  });
});
