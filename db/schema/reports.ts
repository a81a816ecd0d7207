import { relations } from "drizzle-orm";
import { index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { claims } from "./claims";
import { createdAt, looseRef, ownerRef, timestamptz, uuidKey } from "./columns";
import { users } from "./users";

export const reportPublications = pgTable(
  "report_publications",
  {
    id: uuidKey(),
    articleId: ownerRef("article_id", () => articles.id),
    token: text("token").notNull(),
    publishedBy: looseRef("published_by", () => users.id),
    publishedAt: timestamptz("published_at").notNull().defaultNow(),
    revokedAt: timestamptz("revoked_at"),
    revokedBy: looseRef("revoked_by", () => users.id),
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
    id: uuidKey(),
    articleId: ownerRef("article_id", () => articles.id),
    claimId: looseRef("claim_id", () => claims.id),
    publicationId: looseRef("publication_id", () => reportPublications.id),
    description: text("description").notNull(),
    reason: text("reason").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdBy: looseRef("created_by", () => users.id),
    createdAt: createdAt(),
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
