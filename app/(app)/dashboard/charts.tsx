import type { ReactNode } from "react";
import { RATING_SCALE, RATINGS, type Rating } from "@/db/schema/constants";
import { type Html, html } from "@/lib/html";
import { RATING_STYLE } from "./labels";

/*
 * Server-rendered SVG charts: no chart library and no client JavaScript. Every bar is a link with
 * a spoken label; every value is also printed as text; ratings differ by pattern as well as colour;
 * each chart comes with a table view (see ChartFigure).
 */

export function RatingPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      <defs>
        {RATINGS.map((rating) => {
          const { color, pattern } = RATING_STYLE[rating];
          return (
            <pattern
              key={rating}
              id={`pattern-${rating}`}
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
            >
              <rect width="8" height="8" fill={color} />
              {pattern === "dots" ? <circle cx="4" cy="4" r="1.6" fill="#fff" /> : null}
              {pattern === "hlines" ? <path d="M0 4h8" stroke="#fff" strokeWidth="1.5" /> : null}
              {pattern === "vlines" ? <path d="M4 0v8" stroke="#fff" strokeWidth="1.5" /> : null}
              {pattern === "diagonal" ? (
                <path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="#fff" strokeWidth="1.5" />
              ) : null}
              {pattern === "cross" ? (
                <path d="M0 0L8 8M8 0L0 8" stroke="#fff" strokeWidth="1.2" />
              ) : null}
              {pattern === "grid" ? <path d="M0 4h8M4 0v8" stroke="#fff" strokeWidth="1" /> : null}
            </pattern>
          );
        })}
      </defs>
    </svg>
  );
}

export const ratingFill = (rating: Rating) => `url(#pattern-${rating})`;

/** One decimal is plenty for a pixel position, and long charts shrink by a third. */
const r1 = (value: number) => Math.round(value * 10) / 10;

/** A chart with its heading, the chart, and a table view that screen readers (and anyone) can open. */
export function ChartFigure({
  id,
  title,
  description,
  chart,
  table,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-line bg-paper p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? <p className="text-sm text-muted">{description}</p> : null}
      <div className="overflow-x-auto">{chart}</div>
      <details>
        <summary className="cursor-pointer text-sm text-accent">Table view: {title}</summary>
        <div className="mt-2 overflow-x-auto [&_a]:text-accent [&_a]:underline">{table}</div>
      </details>
    </section>
  );
}

export interface Bar {
  label: string;
  value: number;
  /** Printed after the value, e.g. a share. */
  note?: string;
  href: string | Html;
  fill: string;
}

/** Horizontal bars, one row each: label, bar, value. */
export function horizontalBars({ bars, label }: { bars: Bar[]; label: string }): Html {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 30;
  const labelWidth = 150;
  const barWidth = 330;
  const width = labelWidth + barWidth + 120;
  return html`<svg viewBox="0 0 ${width} ${bars.length * row}" class="w-full min-w-[22rem] max-w-3xl"><title>${label}</title>${bars.map(
    (bar, i) => {
      const w = bar.value ? r1(Math.max(2, (bar.value / max) * barWidth)) : 0;
      const y = i * row;
      const text = `${bar.value}${bar.note ? ` (${bar.note})` : ""}`;
      return html`<a href="${bar.href}" aria-label="${bar.label}: ${text}. Show these claims."><text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end" font-size="13" fill="#1b1f24">${bar.label}</text><rect x="${labelWidth}" y="${y + 5}" width="${barWidth}" height="20" fill="#f6f8fa"/><rect x="${labelWidth}" y="${y + 5}" width="${w}" height="20" fill="${bar.fill}" stroke="#1b1f24" stroke-width="${w ? 0.5 : 0}"/><text x="${labelWidth + w + 6}" y="${y + 19}" font-size="13" fill="#1b1f24">${text}</text></a>`;
    },
  )}</svg>`;
}

export interface StackWeek {
  week: string;
  label: string;
  total: number;
  segments: { rating: Rating; value: number; href: string | Html }[];
}

/** Weekly stacked columns by rating, the week's total printed above each column. */
export function stackedWeeks({ weeks, label }: { weeks: StackWeek[]; label: string }): Html {
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const height = 200;
  const column = Math.max(14, Math.min(48, Math.floor(640 / Math.max(1, weeks.length))));
  const gap = Math.max(2, Math.round(column * 0.25));
  const left = 8;
  const width = left + weeks.length * (column + gap);
  const everyNth = Math.ceil(weeks.length / 12);
  return html`<svg viewBox="0 0 ${Math.max(width, 320)} ${height + 50}" class="w-full min-w-[22rem]"><title>${label}</title><style>rect[fill^='url']{stroke:#fff;stroke-width:.5}</style><line x1="0" x2="${width}" y1="${height + 20}" y2="${height + 20}" stroke="#d0d7de"/>${weeks.map(
    (week, i) => {
      const x = left + i * (column + gap);
      let y = height + 20;
      const segments = week.segments
        .filter((s) => s.value > 0)
        .map((segment) => {
          const h = (segment.value / max) * height;
          y -= h;
          return html`<a href="${segment.href}" aria-label="Week of ${week.label}, ${RATING_SCALE[segment.rating].label}: ${segment.value}"><rect x="${r1(x)}" y="${r1(y)}" width="${column}" height="${r1(h)}" fill="${ratingFill(segment.rating)}"/></a>`;
        });
      return html`<g>${segments}${
        week.total > 0
          ? html`<text x="${x + column / 2}" y="${y - 4}" text-anchor="middle" font-size="11" fill="#1b1f24">${week.total}</text>`
          : null
      }${
        i % everyNth === 0
          ? html`<text x="${x + column / 2}" y="${height + 36}" text-anchor="middle" font-size="11" fill="#57606a">${week.label}</text>`
          : null
      }</g>`;
    },
  )}</svg>`;
}

export function RatingLegend({ ratings }: { ratings: readonly Rating[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
      {ratings.map((rating) => (
        <li key={rating} className="flex items-center gap-1.5">
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <rect
              width="16"
              height="16"
              fill={ratingFill(rating)}
              stroke="#1b1f24"
              strokeWidth="0.5"
            />
          </svg>
          {RATING_SCALE[rating].label}
        </li>
      ))}
    </ul>
  );
}

export interface TimeWeek {
  week: string;
  label: string;
  href: string | Html;
  approved: number;
  /** Upper bounds in hours; null when the week had no approvals or is beyond the last bound. */
  median: number | null;
  p90: number | null;
  medianText: string;
  p90Text: string;
}

/** Median as a solid column, 90th percentile as an outlined column behind it, on a log scale. */
export function timeColumns({ weeks, label }: { weeks: TimeWeek[]; label: string }): Html {
  const height = 180;
  const maxHours = Math.max(24, ...weeks.map((w) => w.p90 ?? w.median ?? 0));
  const scale = (hours: number) => (Math.log10(1 + hours) / Math.log10(1 + maxHours)) * height;
  const column = Math.max(14, Math.min(48, Math.floor(640 / Math.max(1, weeks.length))));
  const gap = Math.max(2, Math.round(column * 0.25));
  const width = 8 + weeks.length * (column + gap);
  const everyNth = Math.ceil(weeks.length / 12);
  const base = height + 30;
  return html`<svg viewBox="0 0 ${Math.max(width, 320)} ${height + 60}" class="w-full min-w-[22rem]"><title>${label}</title><line x1="0" x2="${width}" y1="${base}" y2="${base}" stroke="#d0d7de"/>${weeks.map(
    (week, i) => {
      const x = 8 + i * (column + gap);
      const mh = week.median !== null ? r1(scale(week.median)) : 0;
      const ph = week.p90 !== null ? r1(scale(week.p90)) : week.approved ? height : 0;
      const columns = week.approved
        ? html`<rect x="${x}" y="${base - ph}" width="${column}" height="${ph}" fill="none" stroke="#0b5cad" stroke-dasharray="3 2"/><rect x="${x + column * 0.2}" y="${base - mh}" width="${column * 0.6}" height="${mh}" fill="#0b5cad"/>${
            weeks.length <= 16
              ? html`<text x="${x + column / 2}" y="${base - ph - 4}" text-anchor="middle" font-size="10" fill="#1b1f24">${week.medianText.replace("≤ ", "")}</text>`
              : null
          }`
        : html`<rect x="${x}" y="${base - 1}" width="${column}" height="1" fill="#d0d7de"/>`;
      return html`<a href="${week.href}" aria-label="Week of ${week.label}: ${week.approved} approved, median ${week.medianText}, 90th percentile ${week.p90Text}. Show these claims.">${columns}${
        i % everyNth === 0
          ? html`<text x="${x + column / 2}" y="${base + 16}" text-anchor="middle" font-size="11" fill="#57606a">${week.label}</text>`
          : null
      }</a>`;
    },
  )}</svg>`;
}
