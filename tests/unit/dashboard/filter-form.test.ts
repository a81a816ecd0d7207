import { describe, expect, it } from "vitest";
import { filterFormHtml } from "../../../app/_components/filter-form";

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;
const ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;";

/** The option elements of one select, as `value|selected|label` strings. */
function options(markup: string, id: string): string[] {
  const body = new RegExp(`<select id="${id}"[^>]*>(.*?)</select>`).exec(markup)?.[1] ?? "";
  return [...body.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)].map(
    (m) => `${m[1]}|${m[2] ? "selected" : ""}|${m[3]}`,
  );
}

describe("the filter form", () => {
  it("escapes outlet and reviewer names and keeps the chosen values selected", () => {
    const markup = filterFormHtml({
      action: "/dashboard",
      values: { from: "2026-01-05", outlet: HOSTILE, reviewer: "r2", kind: "date" },
      outlets: ["Herald", HOSTILE],
      reviewers: [
        { id: "r1", name: "Ann" },
        { id: "r2", name: HOSTILE },
      ],
    }).value;
    expect(markup).not.toContain("<script>");
    expect(markup).not.toContain("<img");
    expect(markup).toMatch(/^<search><form action="\/dashboard" method="get"/);
    expect(markup).toContain(`<input id="filter-from" name="from" type="date" value="2026-01-05"`);
    expect(markup).toMatch(/<input id="filter-to" name="to" type="date" class=/);
    expect(options(markup, "filter-outlet")).toEqual([
      "||All outlets",
      "Herald||Herald",
      `${ESCAPED}|selected|${ESCAPED}`,
    ]);
    expect(options(markup, "filter-reviewer")).toEqual([
      "||All reviewers",
      "r1||Ann",
      `r2|selected|${ESCAPED}`,
    ]);
    expect(options(markup, "filter-kind").filter((o) => o.includes("|selected|"))).toEqual([
      "date|selected|Date",
    ]);
    expect(options(markup, "filter-rating")[0]).toBe("|selected|All ratings");
    // Every control has its label.
    for (const [, id] of markup.matchAll(/<(?:input|select) id="([^"]+)"/g)) {
      expect(markup).toContain(`<label for="${id}"`);
    }
    expect(markup).not.toContain("<fieldset");
  });

  it("adds the claim list's statuses, sort order and carried-over filters", () => {
    const markup = filterFormHtml({
      action: "/claims",
      values: {},
      outlets: [],
      reviewers: [],
      list: {
        statuses: ["open", "in_review"],
        sort: "score",
        hidden: [["article", `x" onfocus="alert(1)`]],
      },
    }).value;
    const checked = [...markup.matchAll(/name="status" value="([a-z_]+)" checked/g)].map(
      (m) => m[1],
    );
    expect(checked).toEqual(["open", "in_review"]);
    expect(options(markup, "filter-sort")).toContain("score|selected|Score, highest first");
    expect(markup).toContain(
      `<input type="hidden" name="article" value="x&quot; onfocus=&quot;alert(1)">`,
    );
    expect(markup).toContain("<legend");
  });
});
