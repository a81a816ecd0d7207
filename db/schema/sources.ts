import { relations } from "drizzle-orm";
import { type AnyPgColumn, date, index, pgTable, text } from "drizzle-orm/pg-core";
import { claims } from "./claims";
import { looseRef, ownerRef, timestamps, uuidKey, versionColumn } from "./columns";
import { sourceStance, sourceType } from "./enums";
import { users } from "./users";

export const sources = pgTable(
  "sources",
  {
    id: uuidKey(),
    claimId: ownerRef("claim_id", () => claims.id),
    url: text("url").notNull(),
    title: text("title").notNull(),
    publisher: text("publisher"),
    sourceType: sourceType("source_type").notNull().default("other"),
    stance: sourceStance("stance").notNull().default("context"),
    excerpt: text("excerpt"),
    accessedOn: date("accessed_on"),
    note: text("note"),
    addedBy: looseRef("added_by", () => users.id),
    /** The source of another claim's verdict this one was copied from when the verdict was reused. */
    reusedFromId: looseRef("reused_from_id", (): AnyPgColumn => sources.id),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    index("sources_claim_id_idx").on(t.claimId),
    index("sources_added_by_idx").on(t.addedBy),
    // Search ranks the newest matches of a broad query (lib/services/search/): it walks this order.
    index("sources_created_at_id_idx").on(t.createdAt, t.id),
  ],
);

export const sourcesRelations = relations(sources, ({ one }) => ({
  claim: one(claims, { fields: [sources.claimId], references: [claims.id] }),
  addedByUser: one(users, { fields: [sources.addedBy], references: [users.id] }),
}));

export type Source = typeof sources.$inferSelect;
