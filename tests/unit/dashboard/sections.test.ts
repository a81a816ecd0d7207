import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES, RATINGS } from "@/db/schema/constants";
import { toJsonProps } from "@/lib/json-props";
import { resolvePeriod } from "@/lib/services/dashboard/period";
import { ClaimRows, type ClaimRowView } from "../../../app/(app)/claims/claim-rows";
import { DashboardSections } from "../../../app/(app)/dashboard/sections";
import type { DashboardView } from "../../../app/(app)/dashboard/view";

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;

function view(): DashboardView {
  const period = resolvePeriod({ from: "2026-01-05", to: "2026-01-18" });
  const counts = Object.fromEntries(RATINGS.map((r) => [r, 1])) as Record<
    (typeof RATINGS)[number],
    number
  >;
  return {
    filters: { period, outlet: HOSTILE },
    articleSort: "open",
    funnel: Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 2])) as DashboardView["funnel"],
    claimsTotal: 10,
    distribution: RATINGS.map((rating) => ({ rating, count: 1, share: 1 / RATINGS.length })),
    approvedTotal: RATINGS.length,
    verdictsOverTime: period.weeks.map((week) => ({ week, counts, total: RATINGS.length })),
    timeToVerdict: {
      overall: { approved: 7, median: null, p90: null },
      weeks: period.weeks.map((week) => ({ week, approved: 0, median: null, p90: null })),
    },
    articles: [
      {
        id: "a1",
        title: HOSTILE,
        outlet: HOSTILE,
        claims: 3,
        approved: 1,
        pending: 1,
        open: 1,
      },
    ],
    reviewers: [
      {
        id: "r1",
        name: HOSTILE,
        assignedOpen: 1,
        proposed: 1,
        approved: 1,
        returned: 0,
        returnedShare: 0,
      },
    ],
    oldest: [
      {
        id: "c1",
        articleId: "a1",
        articleTitle: HOSTILE,
        text: HOSTILE,
        status: "open",
        createdAt: "2026-01-06T10:00:00.000Z",
        age: "3 d",
        assigneeName: HOSTILE,
      },
    ],
    weekLabels: Object.fromEntries(period.weeks.map((w) => [w, w])),
    totals: { claims: "10", approved: "7", medianTime: "—", p90Time: "—" },
    limits: { articles: 25, oldest: 20 },
  };
}

describe("dashboard sections markup", () => {
  const markup = renderToStaticMarkup(
    createElement(DashboardSections, { view: toJsonProps(view()) }),
  );

  it("escapes titles, names, claim text and filter values", () => {
    expect(markup).not.toContain("<script>");
    expect(markup).not.toContain("<img");
    expect(markup).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("links every number to the claim list with the filters in the query", () => {
    const outlet = new URLSearchParams({ outlet: HOSTILE }).toString();
    expect(markup).toContain(`/claims?from=2026-01-05&amp;to=2026-01-18&amp;${outlet}`);
    // The first week: seven ratings in the chart, seven in its table view, the week's total, and
    // the week's column in the time-to-verdict chart and its row in that table view.
    const weekLinks = markup.match(/href="\/claims\?from=2026-01-05&amp;to=2026-01-11&amp;/g);
    expect(weekLinks).toHaveLength(17);
  });

  it("keeps a table view with a caption for each chart", () => {
    for (const caption of [
      "Claims by status",
      "Approved verdicts by rating",
      "Approved verdicts per week by rating",
      "Time to verdict per week",
    ]) {
      expect(markup).toContain(`<caption class="sr-only">${caption}</caption>`);
    }
  });
});

describe("dashboard sections rendered again for the same view", () => {
  it("are the same markup, and a changed view is rendered afresh", () => {
    const render = (v: DashboardView) =>
      renderToStaticMarkup(createElement(DashboardSections, { view: toJsonProps(v) }));
    const first = render(view());
    expect(render(view())).toBe(first);
    const changed = view();
    changed.totals.claims = "11";
    const again = render(changed);
    expect(again).not.toBe(first);
    expect(again).toContain("11 claims imported in the period.");
    // More views than are kept: each still renders its own figures.
    for (let n = 0; n < 40; n++) {
      const v = view();
      v.totals.claims = String(1000 + n);
      expect(render(v)).toContain(`${1000 + n} claims imported in the period.`);
    }
    expect(render(view())).toBe(first);
  });
});

describe("claim list rows markup", () => {
  it("escapes claim text, titles and names, and links each claim and article", () => {
    const markup = renderToStaticMarkup(
      createElement(ClaimRows, {
        rows: toJsonProps<ClaimRowView[]>([
          {
            id: "c1",
            articleId: "a1",
            articleTitle: HOSTILE,
            outlet: HOSTILE,
            text: HOSTILE,
            kind: "quantity",
            score: 0.876,
            status: "approved",
            rating: "false",
            assigneeName: HOSTILE,
            createdAt: "2026-01-06T10:00:00.000Z",
            approvedAt: "2026-01-08T10:00:00.000Z",
            recheckOn: null,
          },
        ]),
      }),
    );
    expect(markup).not.toContain("<script>");
    expect(markup).not.toContain("<img");
    expect(markup).toContain('<a href="/articles/a1/claims/c1"');
    expect(markup).toContain("<td>Approved: False</td>");
    expect(markup).toContain('<td class="n">0.88</td>');
    expect(markup).toContain('<caption class="sr-only">Claims matching the filters</caption>');
  });
});
