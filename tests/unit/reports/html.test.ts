import { describe, expect, it } from "vitest";
import { renderHtml } from "@/lib/reports/render-html";
import { draftModel, fixedModel } from "./fixture";

describe("HTML renderer", () => {
  const html = renderHtml(fixedModel());

  it("is a print-ready document with the article, highlights and footnotes", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("@media print");
    expect(html).toContain("@page");
    expect(html).toContain('<mark class="report-claim" id="ref-1"><a href="#claim-1">');
    expect(html).toContain('href="#claim-2" aria-label="Claim 2">[2]</a></sup>');
    expect(html).toContain('id="claim-1"');
    expect(html).toContain("Verdict: Mostly true (4 of 5)");
    expect(html).toContain("Verdict: Misleading");
    expect(html).toContain('<li value="3" id="source-3">');
    expect(html).toContain("Rita Reviewer");
    expect(html).toContain("approved by <bdi>Eddie Editor</bdi> on 2026-01-03");
    expect(html).toContain("Methodology");
    expect(html).toContain("Mostly false</td><td>2</td>");
    expect(html).toContain("rating changed from False to Misleading");
    expect(html).toContain("ә ғ қ ң ө ұ ү һ і");
    expect(html).not.toContain("DRAFT");
  });

  it("keeps hostile text as text and links only http(s) URLs", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('href="https://example.org/article?a=1&amp;b=2"');
  });

  it("marks a draft and lists what is open", () => {
    const draft = renderHtml(draftModel());
    expect(draft).toContain("<title>DRAFT — ");
    expect(draft).toContain("DRAFT — not every claim has an approved verdict");
    expect(draft).toContain("Claim 2 (In review)");
    expect(draft).toContain('class="report-draft-repeat"');
  });

  it("shows the speaker's role beside the speaker", () => {
    const model = fixedModel();
    const quoted = model.claims.find((c) => c.speaker) as (typeof model.claims)[number];
    quoted.speakerRole = "Tajik analyst";
    expect(renderHtml(model)).toMatch(
      /speaker: <bdi>Parvaiz &lt;b&gt;Mullajanov&lt;\/b&gt; \(Tajik analyst\)/,
    );
    expect(html).not.toContain("Tajik analyst");
  });
});
