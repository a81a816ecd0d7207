// Plain constants shared by the schema, services and client components (no Drizzle import here).

export const USER_ROLES = ["reviewer", "editor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * The values of a list that has a name for each value, in the order the record gives them: the
 * values are written once, with their names, and the database enum keeps that order.
 */
function keysOf<K extends string>(named: Record<K, unknown>): readonly [K, ...K[]] {
  return Object.keys(named) as [K, ...K[]];
}

/** The names the pages give kinds and statuses (the claim list, dashboard, reader and editor). */
export const CLAIM_KIND_LABEL = {
  quantity: "Quantity",
  date: "Date",
  legal: "Legal",
  quote: "Quote",
  event: "Event",
  comparison: "Comparison",
  statement: "Statement",
} satisfies Record<string, string>;
export const CLAIM_KINDS = keysOf(CLAIM_KIND_LABEL);
export type ClaimKindName = (typeof CLAIM_KINDS)[number];

/** One name per status on every page, report and message. */
export const CLAIM_STATUS_LABEL = {
  open: "Open",
  in_review: "In review",
  pending_approval: "Pending approval",
  approved: "Approved",
  dismissed: "Dismissed",
} satisfies Record<string, string>;
export const CLAIM_STATUSES = keysOf(CLAIM_STATUS_LABEL);
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** The same names inside a sentence: "in review → pending approval". */
export const CLAIM_STATUS_PHRASE = Object.fromEntries(
  CLAIM_STATUSES.map((status) => [status, CLAIM_STATUS_LABEL[status].toLowerCase()]),
) as Record<ClaimStatus, string>;

/**
 * Priority bands of the claim list (lib/claims/priority.ts decides): low-priority claims are kept,
 * filterable, and collapsed in the article's claim list.
 */
export const CLAIM_PRIORITIES = ["normal", "low"] as const;
export type ClaimPriority = (typeof CLAIM_PRIORITIES)[number];
export const CLAIM_PRIORITY_LABEL: Record<ClaimPriority, string> = {
  normal: "Normal priority",
  low: "Low priority",
};

export const CLAIM_ORIGINS = ["extracted", "manual"] as const;

/** A suggested match between two claims, and the reviewer's decision on it. */
export const MATCH_STATES = ["suggested", "same", "not_same"] as const;
export type MatchState = (typeof MATCH_STATES)[number];

export const DISMISS_REASONS = [
  "not_check_worthy",
  "duplicate",
  "opinion",
  "out_of_scope",
] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export const SOURCE_TYPES = [
  "primary_document",
  "official_statement",
  "expert",
  "news_report",
  "dataset",
  "other",
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const SOURCE_STANCES = ["supports", "refutes", "context"] as const;
export type SourceStance = (typeof SOURCE_STANCES)[number];

/** ClaimReview alternateName and, where the rating sits on the 1–5 scale, its ratingValue. */
export const RATING_SCALE = {
  true: { label: "True", value: 5 },
  mostly_true: { label: "Mostly true", value: 4 },
  half_true: { label: "Half true", value: 3 },
  mostly_false: { label: "Mostly false", value: 2 },
  false: { label: "False", value: 1 },
  misleading: { label: "Misleading", value: null },
  unproven: { label: "Unproven", value: null },
} satisfies Record<string, { label: string; value: number | null }>;
export const RATINGS = keysOf(RATING_SCALE);
export type Rating = (typeof RATINGS)[number];

export const VERDICT_STATES = ["proposed", "approved", "returned", "superseded"] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];

export const USER_TOKEN_PURPOSES = ["set_password"] as const;
