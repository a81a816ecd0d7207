import type { Rating } from "@/db/schema/constants";

/** Colour and a pattern per rating, so the charts read in greyscale and for colour-blind readers. */
export const RATING_STYLE: Record<Rating, { color: string; pattern: string }> = {
  true: { color: "#1a7f37", pattern: "solid" },
  mostly_true: { color: "#4c9a2a", pattern: "dots" },
  half_true: { color: "#9a6700", pattern: "hlines" },
  mostly_false: { color: "#c2410c", pattern: "diagonal" },
  false: { color: "#b42318", pattern: "cross" },
  misleading: { color: "#6f42c1", pattern: "vlines" },
  unproven: { color: "#57606a", pattern: "grid" },
};

export const pct = (share: number) => `${Math.round(share * 100)}%`;

// Made once: toLocaleDateString builds a formatter on every call, and the two-year view labels
// 104 weeks (that alone was a fifth of its server time).
const DAY_MONTH = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const COUNT = new Intl.NumberFormat("en-GB");

export function shortWeek(monday: string): string {
  return DAY_MONTH.format(new Date(`${monday}T00:00:00Z`));
}

/** A count with thousands separators, "12,345". */
export const formatCount = (n: number) => COUNT.format(n);
