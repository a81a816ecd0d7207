import { describe, expect, it } from "vitest";
import { escapeMarkdown, renderMarkdown } from "@/lib/reports/render-markdown";
import { draftModel, fixedModel } from "./fixture";

describe("Markdown renderer", () => {
  const md = renderMarkdown(fixedModel());

  it("has every section, claim, verdict and source", () => {
    expect(md).toContain("## Summary");
    expect(md).toContain("## Article text");
    expect(md).toContain("### Claim 1");
    expect(md).toContain("**Verdict: Mostly true** \\(4 of 5\\)");
    expect(md).toContain("[Kremlin transcript](<https://en.kremlin.ru/events/1>)");
    expect(md).toContain("## Methodology");
    expect(md).toContain("## Corrections");
    expect(md).toContain("[\\[1\\]](#claim-1)");
    expect(md).toContain("ә ғ қ ң ө ұ ү һ і");
  });

  it("escapes markup and never links a non-http URL", () => {
    expect(md).not.toMatch(/(^|[^\\])<script/i);
    expect(md).not.toMatch(/(^|[^\\])<img/i);
    expect(md).toContain("\\<script\\>");
    expect(md).not.toContain("](javascript");
    expect(md).not.toMatch(/\(<?javascript:/);
    // The hostile title is escaped text: [ and ( cannot start a link.
    expect(md).toContain("\\[click\\]\\(javascript\\:alert\\(1\\)\\)");
  });

  it("keeps line breaks from starting headings or lists", () => {
    expect(escapeMarkdown("a\n# b\n- c")).toBe("a \\# b \\- c");
  });

  it("marks a draft first", () => {
    const draft = renderMarkdown(draftModel());
    expect(draft.startsWith("**DRAFT")).toBe(true);
    expect(draft).toContain("Claim 2 \\(In review\\)");
  });

  it("shows the speaker's role beside the speaker", () => {
    const model = fixedModel();
    const quoted = model.claims.find((c) => c.speaker) as (typeof model.claims)[number];
    quoted.speakerRole = "Tajik analyst";
    expect(renderMarkdown(model)).toMatch(/- Speaker: .*Mullajanov.* \\\(Tajik analyst\\\)\n/);
    expect(md).not.toContain("Tajik analyst");
  });
});
