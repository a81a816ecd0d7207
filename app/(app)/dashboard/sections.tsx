"use client";

/*
 * The dashboard's figures, rendered on the server and hydrated in the browser from the compact view
 * (view.ts) rather than from the markup: the charts and tables are built as strings (lib/html.ts)
 * on both sides from the same numbers, so the page carries its markup once instead of twice (HTML
 * plus the RSC payload), which halves the bytes the server writes per request.
 */
import { CLAIM_STATUSES, RATING_SCALE, RATINGS } from "@/db/schema/constants";
import { html } from "@/lib/html";
import { formatBucket } from "@/lib/services/dashboard/percentiles";
import { addDays } from "@/lib/services/dashboard/period";
import { EmptyState } from "../../_components/empty-state";
import { RawHtml } from "../../_components/raw-html";
import {
  ChartFigure,
  horizontalBars,
  RatingLegend,
  ratingFill,
  stackedWeeks,
  timeColumns,
} from "./charts";
import { dataTable, th } from "./data-table";
import { pct, STATUS_LABEL } from "./labels";
import { claimsHref } from "./links";
import { ArticleTable, OldestTable, ReviewerTable } from "./tables";
import type { DashboardView } from "./view";

const FUNNEL_FILL: Record<(typeof CLAIM_STATUSES)[number], string> = {
  open: "#57606a",
  in_review: "#0b5cad",
  pending_approval: "#9a6700",
  approved: "#1a7f37",
  dismissed: "#d0d7de",
};

export function DashboardSections({ view: d }: { view: DashboardView }) {
  const f = d.filters;
  const weekHref = (week: string, extra: Record<string, string> = {}) =>
    claimsHref(f, { from: week, to: addDays(week, 6), basis: "approved", ...extra });
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <ChartFigure
          id="funnel"
          title="Workflow funnel"
          description={`${d.totals.claims} claims imported in the period.`}
          chart={
            d.claimsTotal === 0 ? (
              <EmptyState title="No claims in this period">
                Import articles, or widen the dates or clear a filter above.
              </EmptyState>
            ) : (
              <RawHtml
                html={horizontalBars({
                  label: "Claims by status",
                  bars: CLAIM_STATUSES.map((status) => ({
                    label: STATUS_LABEL[status],
                    value: d.funnel[status],
                    note: d.claimsTotal ? pct(d.funnel[status] / d.claimsTotal) : undefined,
                    href: claimsHref(f, { status }),
                    fill: FUNNEL_FILL[status],
                  })),
                })}
              />
            )
          }
          table={
            <RawHtml
              html={dataTable(
                "Claims by status",
                html`${th("Status")}${th("Claims", true)}`,
                CLAIM_STATUSES.map(
                  (status) =>
                    html`<tr><td>${STATUS_LABEL[status]}</td><td class="n"><a href="${claimsHref(f, { status })}">${d.funnel[status]}</a></td></tr>`,
                ),
              )}
            />
          }
        />

        <ChartFigure
          id="distribution"
          title="Verdict distribution"
          description={`${d.totals.approved} verdicts approved in the period.`}
          chart={
            d.approvedTotal === 0 ? (
              <EmptyState title="No verdicts approved in this period">
                Approved verdicts appear here. Approve pending claims from the claim pages, or widen
                the dates.
              </EmptyState>
            ) : (
              <RawHtml
                html={horizontalBars({
                  label: "Approved verdicts by rating",
                  bars: d.distribution.map((row) => ({
                    label: RATING_SCALE[row.rating].label,
                    value: row.count,
                    note: pct(row.share),
                    href: claimsHref(f, { basis: "approved", rating: row.rating }),
                    fill: ratingFill(row.rating),
                  })),
                })}
              />
            )
          }
          table={
            <RawHtml
              html={dataTable(
                "Approved verdicts by rating",
                html`${th("Rating")}${th("Verdicts", true)}${th("Share", true)}`,
                d.distribution.map(
                  (row) =>
                    html`<tr><td>${RATING_SCALE[row.rating].label}</td><td class="n"><a href="${claimsHref(f, { basis: "approved", rating: row.rating })}">${row.count}</a></td><td class="n">${pct(row.share)}</td></tr>`,
                ),
              )}
            />
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
              <RawHtml
                html={stackedWeeks({
                  label: "Approved verdicts per week by rating",
                  weeks: d.verdictsOverTime.map((w) => ({
                    week: w.week,
                    label: d.weekLabels[w.week] ?? w.week,
                    total: w.total,
                    segments: RATINGS.map((rating) => ({
                      rating,
                      value: w.counts[rating],
                      href: weekHref(w.week, { rating }),
                    })),
                  })),
                })}
              />
            </div>
          )
        }
        table={
          <RawHtml
            html={dataTable(
              "Approved verdicts per week by rating",
              html`${th("Week of")}${RATINGS.map((rating) => th(RATING_SCALE[rating].label, true))}${th("Total", true)}`,
              d.verdictsOverTime.map(
                (w) =>
                  html`<tr><td>${w.week}</td>${RATINGS.map(
                    (rating) =>
                      html`<td class="n"><a href="${weekHref(w.week, { rating })}">${w.counts[rating]}</a></td>`,
                  )}<td class="n"><a href="${weekHref(w.week)}">${w.total}</a></td></tr>`,
              ),
            )}
          />
        }
      />

      <ChartFigure
        id="time-to-verdict"
        title="Time to verdict"
        description={
          <>
            From import to approval, per week of approval. Over the period: median{" "}
            <strong>{d.totals.medianTime}</strong>, 90th percentile{" "}
            <strong>{d.totals.p90Time}</strong>. Solid column: median; dashed outline: 90th
            percentile (log scale). Times are counted in steps (1, 2, 4, 8, 12, 24, 36, 48 hours,
            then 3, 4, 5, 7, 10, 14, 21, 30, 60, 90, 180 days), so “≤ 2 d” means within that step.
          </>
        }
        chart={
          d.timeToVerdict.overall.approved === 0 ? (
            <EmptyState title="No approvals to time">
              Time to verdict appears once claims imported here are approved.
            </EmptyState>
          ) : (
            <RawHtml
              html={timeColumns({
                label: "Median and 90th percentile time to verdict per week",
                weeks: d.timeToVerdict.weeks.map((w) => ({
                  week: w.week,
                  label: d.weekLabels[w.week] ?? w.week,
                  href: weekHref(w.week),
                  approved: w.approved,
                  median: w.median?.atMostHours ?? (w.median ? 2 * w.median.aboveHours : null),
                  p90: w.p90?.atMostHours ?? (w.p90 ? 2 * w.p90.aboveHours : null),
                  medianText: formatBucket(w.median),
                  p90Text: formatBucket(w.p90),
                })),
              })}
            />
          )
        }
        table={
          <RawHtml
            html={dataTable(
              "Time to verdict per week",
              html`${th("Week of")}${th("Approved", true)}${th("Median", true)}${th("90th percentile", true)}`,
              d.timeToVerdict.weeks.map(
                (w) =>
                  html`<tr><td>${w.week}</td><td class="n"><a href="${weekHref(w.week)}">${w.approved}</a></td><td class="n">${formatBucket(w.median)}</td><td class="n">${formatBucket(w.p90)}</td></tr>`,
              ),
            )}
          />
        }
      />

      <ArticleTable d={d} />
      <ReviewerTable d={d} />
      <OldestTable d={d} />
    </>
  );
}
