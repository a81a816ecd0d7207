import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { claims } from "./claims";
import { users } from "./users";

export const reportPublications = pgTable(
  "report_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    /** The report model as published, so the public page does not move under its readers. */
    snapshot: jsonb("snapshot"),
  },
  (t) => [
    uniqueIndex("report_publications_token_key").on(t.token),
    index("report_publications_article_id_idx").on(t.articleId, t.publishedAt),
    index("report_publications_published_by_idx").on(t.publishedBy),
    index("report_publications_revoked_by_idx").on(t.revokedBy),
  ],
);

export const corrections = pgTable(
  "corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    claimId: uuid("claim_id").references(() => claims.id, { onDelete: "set null" }),
    publicationId: uuid("publication_id").references(() => reportPublications.id, {
      onDelete: "set null",
    }),
    description: text("description").notNull(),
    reason: text("reason").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("corrections_article_id_created_at_idx").on(t.articleId, t.createdAt),
    index("corrections_claim_id_idx").on(t.claimId),
    index("corrections_publication_id_idx").on(t.publicationId),
    index("corrections_created_by_idx").on(t.createdBy),
  ],
);

export const reportPublicationsRelations = relations(reportPublications, ({ one }) => ({
  article: one(articles, { fields: [reportPublications.articleId], references: [articles.id] }),
}));

export type ReportPublication = typeof reportPublications.$inferSelect;
export type Correction = typeof corrections.$inferSelect;
