import type { Rating } from "@/db/schema/constants";
import { escapeHtml, Html } from "@/lib/html";
import { addDays } from "@/lib/services/dashboard/period";
import type { DashboardFilters } from "@/lib/services/dashboard/sources";

type Extra = Record<string, string | undefined>;

/** The filters as the URL and the filter form carry them: the period as its first and last day. */
export function filterValues(f: DashboardFilters) {
  return {
    from: f.period.from,
    to: f.period.to,
    outlet: f.outlet,
    reviewer: f.reviewer,
    kind: f.kind,
    rating: f.rating,
  };
}

// Characters that URLSearchParams leaves as they are; dates, ids, kinds and ratings are made of
// them, so only outlets and the like go through its encoder. The two-year dashboard builds about a
// thousand links, and URLSearchParams for each was a tenth of its server time.
const PLAIN = /^[A-Za-z0-9*._-]*$/;

function encodeValue(value: string): string {
  return PLAIN.test(value) ? value : new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * A page with the dashboard's filters in its query, changed or narrowed by `extra`: the same query
 * URLSearchParams would write (filters in their order, an override in its filter's place, new
 * names after them, empty values left out).
 */
function withFilters(path: string, f: DashboardFilters, extra: Extra): string {
  const filters: Extra = filterValues(f);
  let query = "";
  const add = (name: string, value: string | undefined) => {
    if (value) query += `${query ? "&" : ""}${encodeValue(name)}=${encodeValue(value)}`;
  };
  for (const name in filters) add(name, name in extra ? extra[name] : filters[name]);
  for (const name in extra) if (!(name in filters)) add(name, extra[name]);
  return `${path}?${query}`;
}

/** The claim list with the dashboard's filters and whatever narrows it to one number. */
export const claimsHref = (f: DashboardFilters, extra: Extra = {}) =>
  withFilters("/claims", f, extra);

/**
 * The claims approved in one week, of one rating or of the rating the filters name, for the weekly
 * charts and their tables: claimsHref's link, built and escaped for an attribute once per page,
 * because each is printed twice, in a chart and in its table.
 */
export function approvedWeekHref(f: DashboardFilters): (week: string, rating?: Rating) => Html {
  const links = new Map<string, Html>();
  return (week, rating = f.rating) => {
    const key = `${week} ${rating ?? ""}`;
    let href = links.get(key);
    if (href === undefined) {
      const to = addDays(week, 6);
      href = new Html(escapeHtml(claimsHref(f, { from: week, to, basis: "approved", rating })));
      links.set(key, href);
    }
    return href;
  };
}

/** The dashboard itself with one parameter changed (sorting, for example). */
export const dashboardHref = (f: DashboardFilters, extra: Extra = {}) =>
  withFilters("/dashboard", f, extra);
