import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { claims } from "./claims";
import { users } from "./users";

/** One row per change, written in the same transaction as the change. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    // Kept without foreign keys' cascade so history outlives a deleted article.
    articleId: uuid("article_id").references(() => articles.id, { onDelete: "set null" }),
    claimId: uuid("claim_id").references(() => claims.id, { onDelete: "set null" }),
    before: jsonb("before"),
    after: jsonb("after"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_events_article_id_at_idx").on(t.articleId, t.at),
    index("audit_events_claim_id_at_idx").on(t.claimId, t.at),
    index("audit_events_actor_id_at_idx").on(t.actorId, t.at),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
