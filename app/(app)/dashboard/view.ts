import {
  ARTICLE_LIMIT,
  type Dashboard,
  OLDEST_LIMIT,
  type OldClaim,
} from "@/lib/services/dashboard/get-dashboard";
import { formatBucket } from "@/lib/services/dashboard/percentiles";
import { formatCount, shortWeek } from "./labels";

/**
 * What the dashboard's client sections need, and nothing locale- or clock-dependent left to compute
 * in the browser: labels, totals and ages are formatted here so that hydration rebuilds exactly the
 * markup the server sent.
 */
// The due re-checks are a short list of links the page renders on the server (due-rechecks.tsx).
export interface DashboardView extends Omit<Dashboard, "oldest" | "options" | "due"> {
  oldest: (Omit<OldClaim, "createdAt"> & { createdAt: string; age: string })[];
  weekLabels: Record<string, string>;
  totals: { claims: string; approved: string; medianTime: string; p90Time: string };
  limits: { articles: number; oldest: number };
}

function age(from: Date, now: number): string {
  const hours = Math.max(0, (now - from.getTime()) / 3_600_000);
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} d`;
}

export function dashboardView(d: Dashboard, now: number): DashboardView {
  const { oldest, options: _options, due: _due, ...rest } = d;
  return {
    ...rest,
    oldest: oldest.map((c) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      age: age(c.createdAt, now),
    })),
    weekLabels: Object.fromEntries(d.filters.period.weeks.map((w) => [w, shortWeek(w)])),
    totals: {
      claims: formatCount(d.claimsTotal),
      approved: formatCount(d.approvedTotal),
      medianTime: formatBucket(d.timeToVerdict.overall.median),
      p90Time: formatBucket(d.timeToVerdict.overall.p90),
    },
    limits: { articles: ARTICLE_LIMIT, oldest: OLDEST_LIMIT },
  };
}
