"use client";

/*
 * The dashboard's figures, rendered on the server and hydrated in the browser from the compact view
 * (view.ts) rather than from the markup: the charts and tables are built as strings (lib/html.ts)
 * on both sides from the same numbers, so the page carries its markup once instead of twice (HTML
 * plus the RSC payload), which halves the bytes the server writes per request. The view arrives
 * as one JSON string (lib/json-props.ts).
 */
import type { ReactNode } from "react";
import { CLAIM_STATUS_LABEL, CLAIM_STATUSES, RATING_SCALE, RATINGS } from "@/db/schema/constants";
import { html } from "@/lib/html";
import { type JsonProps, memoByJsonProps } from "@/lib/json-props";
import { formatBucket } from "@/lib/services/dashboard/percentiles";
import { dataTable, th } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { RawHtml } from "../../_components/raw-html";
import {
  type Bar,
  ChartFigure,
  horizontalBars,
  RatingLegend,
  ratingFill,
  stackedWeeks,
  timeColumns,
} from "./charts";
import { pct } from "./labels";
import { approvedWeekHref, claimsHref } from "./links";
import { ArticleTable, OldestTable, ReviewerTable } from "./tables";
import type { DashboardView } from "./view";

const FUNNEL_FILL: Record<(typeof CLAIM_STATUSES)[number], string> = {
  open: "#57606a",
  in_review: "#0b5cad",
  pending_approval: "#9a6700",
  approved: "#1a7f37",
  dismissed: "#d0d7de",
};

/** A horizontal-bar chart and its table view from the same rows, each number a link. */
function BarFigure({
  id,
  title,
  description,
  empty,
  label,
  head,
  noteHeading,
  bars,
}: {
  id: string;
  title: string;
  description: string;
  /** Shown instead of the chart when every bar is zero. */
  empty: ReactNode;
  label: string;
  head: [label: string, value: string];
  /** The table's column for each bar's note (a share, say); the chart prints the note anyway. */
  noteHeading?: string;
  bars: Bar[];
}) {
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      chart={
        bars.every((bar) => bar.value === 0) ? (
          empty
        ) : (
          <RawHtml html={horizontalBars({ label, bars })} />
        )
      }
      table={
        <RawHtml
          html={dataTable(
            label,
            html`${th(head[0])}${th(head[1], true)}${noteHeading ? th(noteHeading, true) : null}`,
            bars.map(
              (bar) =>
                html`<tr><td>${bar.label}</td><td class="n"><a href="${bar.href}">${bar.value}</a></td>${noteHeading ? html`<td class="n">${bar.note}</td>` : null}</tr>`,
            ),
          )}
        />
      }
    />
  );
}

/*
 * The sections rendered for each view, on the server: a dashboard reused from the cache
 * (lib/services/data-version.ts) arrives as the same JSON text on every request until the data
 * changes; the two-year view's charts and tables are half a megabyte of markup.
 */
const renderView = memoByJsonProps(16, renderSections);

export function DashboardSections({ view }: { view: JsonProps<DashboardView> }) {
  return renderView(view);
}

function renderSections(d: DashboardView): ReactNode {
  const f = d.filters;
  // A week's links appear in its chart column and its table row alike: each is built once.
  const weekHref = approvedWeekHref(f);
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-2">
        <BarFigure
          id="funnel"
          title="Workflow funnel"
          description={`${d.totals.claims} claims imported in the period.`}
          empty={
            <EmptyState title="No claims in this period">
              Import articles, or widen the dates or clear a filter above.
            </EmptyState>
          }
          label="Claims by status"
          head={["Status", "Claims"]}
          bars={CLAIM_STATUSES.map((status) => ({
            label: CLAIM_STATUS_LABEL[status],
            value: d.funnel[status],
            note: d.claimsTotal ? pct(d.funnel[status] / d.claimsTotal) : undefined,
            href: claimsHref(f, { status }),
            fill: FUNNEL_FILL[status],
          }))}
        />

        <BarFigure
          id="distribution"
          title="Verdict distribution"
          description={`${d.totals.approved} verdicts approved in the period.`}
          empty={
            <EmptyState title="No verdicts approved in this period">
              Approved verdicts appear here. Approve pending claims from the claim pages, or widen
              the dates.
            </EmptyState>
          }
          label="Approved verdicts by rating"
          head={["Rating", "Verdicts"]}
          noteHeading="Share"
          bars={d.distribution.map((row) => ({
            label: RATING_SCALE[row.rating].label,
            value: row.count,
            note: pct(row.share),
            href: claimsHref(f, { basis: "approved", rating: row.rating }),
            fill: ratingFill(row.rating),
          }))}
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
                      href: weekHref(w.week, rating),
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
                      html`<td class="n"><a href="${weekHref(w.week, rating)}">${w.counts[rating]}</a></td>`,
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
