import type { DashboardFilters } from "@/lib/services/dashboard/sources";

type Extra = Record<string, string | undefined>;

/** A page with the dashboard's filters in its query, changed or narrowed by `extra`. */
function withFilters(path: string, f: DashboardFilters, extra: Extra): string {
  const params = new URLSearchParams();
  const all: Extra = {
    from: f.period.from,
    to: f.period.to,
    outlet: f.outlet,
    reviewer: f.reviewer,
    kind: f.kind,
    rating: f.rating,
    ...extra,
  };
  for (const [name, value] of Object.entries(all)) if (value) params.set(name, value);
  return `${path}?${params}`;
}

/** The claim list with the dashboard's filters and whatever narrows it to one number. */
export const claimsHref = (f: DashboardFilters, extra: Extra = {}) =>
  withFilters("/claims", f, extra);

/** The dashboard itself with one parameter changed (sorting, for example). */
export const dashboardHref = (f: DashboardFilters, extra: Extra = {}) =>
  withFilters("/dashboard", f, extra);
