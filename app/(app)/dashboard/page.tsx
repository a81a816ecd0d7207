import type { Metadata } from "next";
import { CLAIM_STATUSES, RATING_SCALE, RATINGS } from "@/db/schema/constants";
import { requirePageCtx } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { formatBucket } from "@/lib/services/dashboard/percentiles";
import { addDays } from "@/lib/services/dashboard/period";
import { EmptyState } from "../../_components/empty-state";
import {
  ChartFigure,
  HorizontalBars,
  RatingLegend,
  RatingPatterns,
  ratingFill,
  StackedWeeks,
  TimeColumns,
} from "./charts";
import { DataTable } from "./data-table";
import { FilterForm } from "./filter-form";
import { pct, STATUS_LABEL, shortWeek } from "./labels";
import { claimsHref } from "./links";
import { ArticleTable, OldestTable, ReviewerTable } from "./tables";

export const metadata: Metadata = { title: "Dashboard" };

type Params = Record<string, string | string[] | undefined>;

const FUNNEL_FILL: Record<(typeof CLAIM_STATUSES)[number], string> = {
  open: "#57606a",
  in_review: "#0b5cad",
  pending_approval: "#9a6700",
  approved: "#1a7f37",
  dismissed: "#d0d7de",
};

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
  const weekHref = (week: string, extra: Record<string, string> = {}) =>
    claimsHref(f, { from: week, to: addDays(week, 6), basis: "approved", ...extra });

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
        action="/dashboard"
        values={{ ...f, from: f.period.from, to: f.period.to }}
        outlets={d.options.outlets}
        reviewers={d.options.reviewers}
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFigure
          id="funnel"
          title="Workflow funnel"
          description={`${d.claimsTotal.toLocaleString("en-GB")} claims imported in the period.`}
          chart={
            d.claimsTotal === 0 ? (
              <EmptyState title="No claims in this period">
                Import articles, or widen the dates or clear a filter above.
              </EmptyState>
            ) : (
              <HorizontalBars
                label="Claims by status"
                bars={CLAIM_STATUSES.map((status) => ({
                  label: STATUS_LABEL[status],
                  value: d.funnel[status],
                  note: d.claimsTotal ? pct(d.funnel[status] / d.claimsTotal) : undefined,
                  href: claimsHref(f, { status }),
                  fill: FUNNEL_FILL[status],
                }))}
              />
            )
          }
          table={
            <DataTable caption="Claims by status">
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  <th scope="col" className="n">
                    Claims
                  </th>
                </tr>
              </thead>
              <tbody>
                {CLAIM_STATUSES.map((status) => (
                  <tr key={status}>
                    <td>{STATUS_LABEL[status]}</td>
                    <td className="n">
                      <a href={claimsHref(f, { status })}>{d.funnel[status]}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          }
        />

        <ChartFigure
          id="distribution"
          title="Verdict distribution"
          description={`${d.approvedTotal.toLocaleString("en-GB")} verdicts approved in the period.`}
          chart={
            d.approvedTotal === 0 ? (
              <EmptyState title="No verdicts approved in this period">
                Approved verdicts appear here. Approve pending claims from the claim pages, or widen
                the dates.
              </EmptyState>
            ) : (
              <HorizontalBars
                label="Approved verdicts by rating"
                bars={d.distribution.map((row) => ({
                  label: RATING_SCALE[row.rating].label,
                  value: row.count,
                  note: pct(row.share),
                  href: claimsHref(f, { basis: "approved", rating: row.rating }),
                  fill: ratingFill(row.rating),
                }))}
              />
            )
          }
          table={
            <DataTable caption="Approved verdicts by rating">
              <thead>
                <tr>
                  <th scope="col">Rating</th>
                  <th scope="col" className="n">
                    Verdicts
                  </th>
                  <th scope="col" className="n">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.distribution.map((row) => (
                  <tr key={row.rating}>
                    <td>{RATING_SCALE[row.rating].label}</td>
                    <td className="n">
                      <a href={claimsHref(f, { basis: "approved", rating: row.rating })}>
                        {row.count}
                      </a>
                    </td>
                    <td className="n">{pct(row.share)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          }
        />
      </div>

      <ChartFigure
        id="over-time"
        title="Verdicts over time"
        description="Approved verdicts per week, stacked by rating; the number above each column is the week's total."
        chart={
          d.approvedTotal === 0 ? (
            <EmptyState title="No verdicts to chart">
              Weeks with approved verdicts appear here once editors approve claims.
            </EmptyState>
          ) : (
            <div className="space-y-2">
              <RatingLegend ratings={RATINGS} />
              <StackedWeeks
                label="Approved verdicts per week by rating"
                weeks={d.verdictsOverTime.map((w) => ({
                  week: w.week,
                  label: shortWeek(w.week),
                  total: w.total,
                  segments: RATINGS.map((rating) => ({
                    rating,
                    value: w.counts[rating],
                    href: weekHref(w.week, { rating }),
                  })),
                }))}
              />
            </div>
          )
        }
        table={
          <DataTable caption="Approved verdicts per week by rating">
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {RATINGS.map((rating) => (
                  <th scope="col" key={rating} className="n">
                    {RATING_SCALE[rating].label}
                  </th>
                ))}
                <th scope="col" className="n">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {d.verdictsOverTime.map((w) => (
                <tr key={w.week}>
                  <td>{w.week}</td>
                  {RATINGS.map((rating) => (
                    <td key={rating} className="n">
                      <a href={weekHref(w.week, { rating })}>{w.counts[rating]}</a>
                    </td>
                  ))}
                  <td className="n">
                    <a href={weekHref(w.week)}>{w.total}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        }
      />

      <ChartFigure
        id="time-to-verdict"
        title="Time to verdict"
        description={
          <>
            From import to approval, per week of approval. Over the period: median{" "}
            <strong>{formatBucket(d.timeToVerdict.overall.median)}</strong>, 90th percentile{" "}
            <strong>{formatBucket(d.timeToVerdict.overall.p90)}</strong>. Solid column: median;
            dashed outline: 90th percentile (log scale). Times are counted in steps (1, 2, 4, 8, 12,
            24, 36, 48 hours, then 3, 4, 5, 7, 10, 14, 21, 30, 60, 90, 180 days), so “≤ 2 d” means
            within that step.
          </>
        }
        chart={
          d.timeToVerdict.overall.approved === 0 ? (
            <EmptyState title="No approvals to time">
              Time to verdict appears once claims imported here are approved.
            </EmptyState>
          ) : (
            <TimeColumns
              label="Median and 90th percentile time to verdict per week"
              weeks={d.timeToVerdict.weeks.map((w) => ({
                week: w.week,
                label: shortWeek(w.week),
                href: weekHref(w.week),
                approved: w.approved,
                median: w.median?.atMostHours ?? (w.median ? 2 * w.median.aboveHours : null),
                p90: w.p90?.atMostHours ?? (w.p90 ? 2 * w.p90.aboveHours : null),
                medianText: formatBucket(w.median),
                p90Text: formatBucket(w.p90),
              }))}
            />
          )
        }
        table={
          <DataTable caption="Time to verdict per week">
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col" className="n">
                  Approved
                </th>
                <th scope="col" className="n">
                  Median
                </th>
                <th scope="col" className="n">
                  90th percentile
                </th>
              </tr>
            </thead>
            <tbody>
              {d.timeToVerdict.weeks.map((w) => (
                <tr key={w.week}>
                  <td>{w.week}</td>
                  <td className="n">
                    <a href={weekHref(w.week)}>{w.approved}</a>
                  </td>
                  <td className="n">{formatBucket(w.median)}</td>
                  <td className="n">{formatBucket(w.p90)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        }
      />

      <ArticleTable d={d} />
      <ReviewerTable d={d} />
      <OldestTable d={d} />
    </div>
  );
}
