import {
  date,
  integer,
  type PgColumnBuilderBase,
  pgTable,
  primaryKey,
  smallint,
  text,
} from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { ownerRef, timestamptz } from "./columns";
import { RATINGS } from "./constants";

/*
 * Summary tables for the editor dashboard, kept exact by triggers on claims, verdicts and articles
 * (migration 0002_dashboard_triggers). Each claim adds one row per slice: `dim` is "all" (key ""),
 * or the name of the filter the slice answers ("outlet", "reviewer", "kind", "rating") with its
 * value as key, so a query with no filter or one filter reads a few thousand rows instead of a
 * million claims; combinations no slice answers are counted from the claims themselves.
 * Each table also has a covering index on (dim, key, period) that INCLUDEs the other columns, so
 * the dashboard reads them by index-only scans; drizzle-kit cannot express INCLUDE, so those
 * indexes live in migration 0002_dashboard_triggers.
 * Weeks start on Monday (UTC). A key or rating that is absent is stored as "".
 */

/** The slice a row counts in: `dim` names the filter it answers ("all" for none), `key` its value. */
const slice = () => ({ dim: text("dim").notNull(), key: text("key").notNull() });

/** Counts of claims, one column each (keyed by column name: the data is read with SQL). */
const counts = (names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, integer(name).notNull()]));

/**
 * A table of counts by week: a row per slice, week (the Monday it starts on) and values of
 * `columns`, which with the slice and the week are its key; `n` is how many claims or events.
 */
function weekCounts<C extends Record<string, PgColumnBuilderBase>>(name: string, columns: C) {
  return pgTable(
    name,
    { ...slice(), week: date("week").notNull(), ...columns, n: integer("n").notNull() },
    (t) => {
      const own = Object.keys(columns).map((key) => t[key as keyof typeof t]);
      return [primaryKey({ columns: [t.dim, t.key, t.week, ...own] })];
    },
  );
}

/**
 * Claims by the week they were imported, with their assignee, current status and approved rating.
 * Slices "all", "outlet" and "kind"; the assignee is a column so a reviewer filter combines with
 * any slice and the per-reviewer table reads the same rows.
 */
export const dashboardClaimWeeks = weekCounts("dashboard_claim_weeks", {
  reviewer: text("reviewer").notNull(),
  status: text("status").notNull(),
  rating: text("rating").notNull(),
});

/** Approved claims by the week of approval, rating and time-to-verdict bucket. */
export const dashboardApprovalWeeks = weekCounts("dashboard_approval_weeks", {
  rating: text("rating").notNull(),
  bucket: smallint("bucket").notNull(),
});

/** Verdict events (proposed, approved, returned) by week and proposer. */
export const dashboardVerdictWeeks = weekCounts("dashboard_verdict_weeks", {
  proposer: text("proposer").notNull(),
  event: text("event").notNull(),
});

/**
 * One row per article and slice ("all", "kind", "reviewer"), with the article's import time and
 * outlet copied in so the progress table is an index range scan over the period: counts per status,
 * and approved claims per rating for the rating filter.
 */
export const dashboardArticleCounts = pgTable(
  "dashboard_article_counts",
  {
    articleId: ownerRef("article_id", () => articles.id),
    ...slice(),
    createdAt: timestamptz("created_at").notNull(),
    outlet: text("outlet").notNull(),
    ...counts(["open", "in_review", "pending", "approved", "dismissed"]),
    ...counts(RATINGS.map((rating) => `approved_${rating}`)),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.dim, t.key] })],
);
