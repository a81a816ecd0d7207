import { date, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { ownerRef, timestamptz } from "./columns";

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

/** A slice's row for one week (the Monday it starts on). */
const weekSlice = () => ({ ...slice(), week: date("week").notNull() });

/** How many claims or events the row counts. */
const count = () => ({ n: integer("n").notNull() });

/**
 * Claims by the week they were imported, with their assignee, current status and approved rating.
 * Slices "all", "outlet" and "kind"; the assignee is a column so a reviewer filter combines with
 * any slice and the per-reviewer table reads the same rows.
 */
export const dashboardClaimWeeks = pgTable(
  "dashboard_claim_weeks",
  {
    ...weekSlice(),
    reviewer: text("reviewer").notNull(),
    status: text("status").notNull(),
    rating: text("rating").notNull(),
    ...count(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.key, t.week, t.reviewer, t.status, t.rating] })],
);

/** Approved claims by the week of approval, rating and time-to-verdict bucket. */
export const dashboardApprovalWeeks = pgTable(
  "dashboard_approval_weeks",
  {
    ...weekSlice(),
    rating: text("rating").notNull(),
    bucket: smallint("bucket").notNull(),
    ...count(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.key, t.week, t.rating, t.bucket] })],
);

/** Verdict events (proposed, approved, returned) by week and proposer. */
export const dashboardVerdictWeeks = pgTable(
  "dashboard_verdict_weeks",
  {
    ...weekSlice(),
    proposer: text("proposer").notNull(),
    event: text("event").notNull(),
    ...count(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.key, t.week, t.proposer, t.event] })],
);

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
    open: integer("open").notNull(),
    inReview: integer("in_review").notNull(),
    pending: integer("pending").notNull(),
    approved: integer("approved").notNull(),
    dismissed: integer("dismissed").notNull(),
    ...ratingColumns(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.dim, t.key] })],
);

function ratingColumns() {
  return {
    approvedTrue: integer("approved_true").notNull(),
    approvedMostlyTrue: integer("approved_mostly_true").notNull(),
    approvedHalfTrue: integer("approved_half_true").notNull(),
    approvedMostlyFalse: integer("approved_mostly_false").notNull(),
    approvedFalse: integer("approved_false").notNull(),
    approvedMisleading: integer("approved_misleading").notNull(),
    approvedUnproven: integer("approved_unproven").notNull(),
  };
}
