import { relations, sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, real, text } from "drizzle-orm/pg-core";
import { articles } from "./articles";
import {
  looseRef,
  ownerRef,
  pickColumns,
  timestamps,
  timestamptz,
  uuidKey,
  versionColumn,
} from "./columns";
import { claimKind, claimOrigin, claimStatus, rating } from "./enums";
import { sources } from "./sources";
import { trackedClaims } from "./tracking";
import { users } from "./users";
import { verdicts } from "./verdicts";

export const claims = pgTable(
  "claims",
  {
    id: uuidKey(),
    articleId: ownerRef("article_id", () => articles.id),
    text: text("text").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    prefix: text("prefix").notNull().default(""),
    suffix: text("suffix").notNull().default(""),
    kind: claimKind("kind").notNull(),
    score: real("score").notNull().default(0),
    values: jsonb("values").$type<Record<string, unknown>>().notNull().default({}),
    speaker: text("speaker"),
    /** The speaker's title or role as the article gives it ("Shadow health secretary"). */
    speakerRole: text("speaker_role"),
    status: claimStatus("status").notNull().default("open"),
    assigneeId: looseRef("assignee_id", () => users.id),
    origin: claimOrigin("origin").notNull().default("extracted"),
    dismissReason: text("dismiss_reason"),
    /** The approved rating, kept on the claim so lists and dashboards need no join. */
    rating: rating("rating"),
    approvedAt: timestamptz("approved_at"),
    /**
     * When the claim should be checked again (a present-tense figure, "as of", "this year"):
     * proposed by extraction, set or cleared by the desk. Approved claims past it are due.
     */
    recheckOn: date("recheck_on"),
    /** Why the re-check date was proposed or set ("as of 2022", "present-tense figure"). */
    recheckReason: text("recheck_reason"),
    /** The tracked claim this appearance was linked to ("same claim"). */
    trackedClaimId: looseRef("tracked_claim_id", () => trackedClaims.id),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    index("claims_article_id_start_idx").on(t.articleId, t.start),
    index("claims_assignee_id_status_idx").on(t.assigneeId, t.status),
    index("claims_status_created_at_idx").on(t.status, t.createdAt),
    index("claims_kind_idx").on(t.kind),
    index("claims_rating_approved_at_idx").on(t.rating, t.approvedAt),
    // The claim list's keyset orders and the dashboard's oldest unfinished claims.
    index("claims_created_at_id_idx").on(t.createdAt, t.id),
    index("claims_score_id_idx").on(t.score, t.id),
    index("claims_unfinished_created_at_idx")
      .on(t.createdAt, t.id)
      .where(sql`${t.status} in ('open', 'in_review', 'pending_approval')`),
    // Approved claims by approval date; rating and the list's sort keys ride along, so a week's
    // approvals (a dashboard link) are gathered and cut to a page from the index alone.
    index("claims_approved_at_idx")
      .on(t.approvedAt, t.id, t.rating, t.createdAt, t.score)
      .where(sql`${t.status} = 'approved'`),
    index("claims_recheck_on_idx").on(t.recheckOn, t.id).where(sql`${t.recheckOn} is not null`),
    index("claims_tracked_claim_id_idx").on(t.trackedClaimId),
  ],
);

export const claimsRelations = relations(claims, ({ one, many }) => ({
  article: one(articles, { fields: [claims.articleId], references: [articles.id] }),
  assignee: one(users, { fields: [claims.assigneeId], references: [users.id] }),
  sources: many(sources),
  verdicts: many(verdicts),
  trackedClaim: one(trackedClaims, {
    fields: [claims.trackedClaimId],
    references: [trackedClaims.id],
  }),
}));

export type Claim = typeof claims.$inferSelect;
export type NewClaim = typeof claims.$inferInsert;

/**
 * A claim as the article page and the report read it: where it stands in the text, then what it
 * says. Selected with these columns (plus each view's own), so the shape is written once.
 */
export const claimTextColumns = {
  ...pickColumns(claims, "id", "text", "start", "end"),
  ...pickColumns(claims, "kind", "values", "speaker", "status"),
};
