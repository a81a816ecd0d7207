import type { Metadata } from "next";
import { requirePageCtx } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { toJsonProps } from "@/lib/json-props";
import { getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { listInconsistentRatings } from "@/lib/services/dashboard/inconsistent-ratings";
import { FilterForm } from "../../_components/filter-form";
import { RatingPatterns } from "./charts";
import { DueRechecksSection } from "./due-rechecks";
import { InconsistentRatings } from "./inconsistent-ratings";
import { shortWeek } from "./labels";
import { filterValues } from "./links";
import { DashboardSections } from "./sections";
import { dashboardView } from "./view";

export const metadata: Metadata = { title: "Dashboard" };

type Params = Record<string, string | string[] | undefined>;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await requirePageCtx("/dashboard", "dashboard.view");
  const params = await searchParams;
  const first = (name: string) => {
    const value = params[name];
    return typeof value === "string" ? value : undefined;
  };
  const raw = {
    from: first("from"),
    to: first("to"),
    outlet: first("outlet"),
    reviewer: first("reviewer"),
    kind: first("kind"),
    rating: first("rating"),
    articleSort: first("articleSort"),
  };
  let error: string | null = null;
  let d: Awaited<ReturnType<typeof getDashboard>>;
  try {
    d = await getDashboard(ctx, raw);
  } catch (caught) {
    if (!(caught instanceof ValidationError)) throw caught;
    // A hand-edited URL with a bad value: say so and show the unfiltered desk.
    error = caught.message;
    d = await getDashboard(ctx, {});
  }
  const f = d.filters;
  const inconsistent = await listInconsistentRatings(ctx);

  return (
    <div className="space-y-6">
      <RatingPatterns />
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <p className="text-muted">
          Weeks of {shortWeek(f.period.from)} to {shortWeek(f.period.to)} {f.period.to.slice(0, 4)}{" "}
          ({f.period.weeks.length} weeks, Monday to Sunday). Claims count by the week they were
          imported, verdicts by the week they were given.
        </p>
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-danger bg-paper p-3 text-danger">
          {error} Showing the last twelve weeks without filters.
        </p>
      ) : null}
      <FilterForm
        form={toJsonProps({
          action: "/dashboard",
          values: filterValues(f),
          outlets: d.options.outlets,
          reviewers: d.options.reviewers,
        })}
      />

      <DueRechecksSection due={d.due} />

      <DashboardSections view={toJsonProps(dashboardView(d, Date.now()))} />
      <InconsistentRatings rows={inconsistent} />
    </div>
  );
}
