import { describe, expect, it } from "vitest";
import { attr, escapeHtml, Html, html } from "@/lib/html";

describe("html template", () => {
  it("escapes interpolated text so it cannot become markup", () => {
    const hostile = `<script>alert("x")</script>' onmouseover='x' &amp;`;
    const out = html`<td title="${hostile}">${hostile}</td>`.value;
    expect(out).not.toContain("<script>");
    expect(out).toBe(
      `<td title="${escapeHtml(hostile)}">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x&#39; &amp;amp;</td>`,
    );
  });

  it("keeps nested Html as it is and joins arrays", () => {
    const cells = ["a<b", "c"].map((text) => html`<td>${text}</td>`);
    expect(html`<tr>${cells}</tr>`.value).toBe("<tr><td>a&lt;b</td><td>c</td></tr>");
  });

  it("prints numbers, and nothing for null, undefined and false", () => {
    expect(html`${0}|${null}|${undefined}|${false}|${2.5}`.value).toBe("0||||2.5");
  });

  it("does not trust a plain string that looks like markup", () => {
    expect(html`${"<b>bold</b>"}`.value).toBe("&lt;b&gt;bold&lt;/b&gt;");
    expect(html`${new Html("<b>bold</b>")}`.value).toBe("<b>bold</b>");
  });

  it("writes optional attributes only when they have a value", () => {
    expect(html`<th${attr("aria-sort", "ascending")}${attr("class", false)}>`.value).toBe(
      `<th aria-sort="ascending">`,
    );
    expect(attr("title", `"><script>`).value).toBe(` title="&quot;&gt;&lt;script&gt;"`);
    expect(() => attr("onclick=x", "y")).toThrow();
  });
});
