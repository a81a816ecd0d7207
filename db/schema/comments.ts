import { relations } from "drizzle-orm";
import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { claims } from "./claims";
import { looseRef, ownerRef, timestamps, uuidKey, versionColumn } from "./columns";
import { users } from "./users";

export const comments = pgTable(
  "comments",
  {
    id: uuidKey(),
    claimId: ownerRef("claim_id", () => claims.id),
    authorId: looseRef("author_id", () => users.id),
    body: text("body").notNull(),
    /** Users named with @ in the body, resolved when the comment was written. */
    mentions: uuid("mentions").array().notNull().default([]),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    index("comments_claim_id_created_at_idx").on(t.claimId, t.createdAt),
    index("comments_author_id_idx").on(t.authorId),
    index("comments_mentions_idx").using("gin", t.mentions),
  ],
);

export const commentsRelations = relations(comments, ({ one }) => ({
  claim: one(claims, { fields: [comments.claimId], references: [claims.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
}));

export type Comment = typeof comments.$inferSelect;
