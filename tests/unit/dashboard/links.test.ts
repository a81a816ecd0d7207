import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTime } from "@/lib/format-time";
import { escapeHtml } from "@/lib/html";
import type { DashboardFilters } from "@/lib/services/dashboard/sources";
import { formatCount, shortWeek } from "../../../app/(app)/dashboard/labels";
import {
  approvedWeekHref,
  claimsHref,
  dashboardHref,
  filterValues,
} from "../../../app/(app)/dashboard/links";

/** The query as URLSearchParams writes it: what the links were built with before. */
function reference(path: string, f: DashboardFilters, extra: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  const all = { ...filterValues(f), ...extra };
  for (const [name, value] of Object.entries(all)) if (value) params.set(name, value);
  return `${path}?${params}`;
}

const filters = (over: Partial<DashboardFilters> = {}): DashboardFilters => ({
  period: {
    from: "2026-01-05",
    to: "2026-01-18",
    end: "2026-01-19",
    weeks: ["2026-01-05", "2026-01-12"],
  },
  ...over,
});

describe("dashboard links", () => {
  it("write the query URLSearchParams would, for any filter values", () => {
    const text = fc.option(fc.string({ unit: "binary", maxLength: 12 }), { nil: undefined });
    fc.assert(
      fc.property(text, text, text, text, text, text, (outlet, reviewer, kind, rating, a, b) => {
        const f = filters({
          outlet,
          reviewer,
          kind: kind as DashboardFilters["kind"],
          rating: rating as DashboardFilters["rating"],
        });
        const extra = { rating: a, basis: b, from: "2026-01-12" };
        expect(claimsHref(f, extra)).toBe(reference("/claims", f, extra));
        expect(dashboardHref(f, { articleSort: a })).toBe(
          reference("/dashboard", f, { articleSort: a }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("encode outlets with spaces, ampersands and non-Latin letters", () => {
    const f = filters({ outlet: "Le Monde & Co — Ελλάδα", rating: "false" });
    expect(claimsHref(f, { basis: "approved" })).toBe(
      "/claims?from=2026-01-05&to=2026-01-18&outlet=Le+Monde+%26+Co+%E2%80%94+%CE%95%CE%BB%CE%BB%CE%AC%CE%B4%CE%B1&rating=false&basis=approved",
    );
  });
});

describe("a week's approved claims", () => {
  it("link as claimsHref does, escaped for an attribute, with the filters' rating by default", () => {
    for (const f of [
      filters(),
      filters({ outlet: "Le Monde & Co", kind: "quote" }),
      filters({ reviewer: "5d0c1b9e-4c1f-4a43-9a57-0d6c8f3c2b11", rating: "false" }),
    ]) {
      const week = approvedWeekHref(f);
      for (const rating of [undefined, "true", "misleading"] as const) {
        expect(week("2026-01-12", rating).value).toBe(
          escapeHtml(
            claimsHref(f, {
              from: "2026-01-12",
              to: "2026-01-18",
              basis: "approved",
              rating: rating ?? f.rating,
            }),
          ),
        );
      }
    }
    // A week's total under a rating filter counts that rating only, and its link says so.
    expect(approvedWeekHref(filters({ rating: "false" }))("2026-01-12").value).toBe(
      "/claims?from=2026-01-12&amp;to=2026-01-18&amp;rating=false&amp;basis=approved",
    );
  });
});

describe("labels", () => {
  it("print short weeks, counts and times the same whatever the machine's locale", () => {
    expect(shortWeek("2026-01-05")).toBe("5 Jan");
    expect(shortWeek("2025-12-29")).toBe("29 Dec");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatTime("2026-01-05T14:03:59Z")).toBe("5 Jan 2026, 14:03 UTC");
  });
});
