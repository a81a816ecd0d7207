import type { DashboardFilters } from "@/lib/services/dashboard/sources";

type Extra = Record<string, string | undefined>;

/** The claim list with the dashboard's filters and whatever narrows it to one number. */
export function claimsHref(f: DashboardFilters, extra: Extra = {}): string {
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
  return `/claims?${params}`;
}

/** The dashboard itself with one parameter changed (sorting, for example). */
export function dashboardHref(f: DashboardFilters, extra: Extra = {}): string {
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
  return `/dashboard?${params}`;
}
