import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { claims } from "./claims";
import { looseRef, pickColumns, timestamptz, uuidKey } from "./columns";
import { users } from "./users";

/** One row per change, written in the same transaction as the change. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuidKey(),
    actorId: looseRef("actor_id", () => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    // Kept without foreign keys' cascade so history outlives a deleted article.
    articleId: looseRef("article_id", () => articles.id),
    claimId: looseRef("claim_id", () => claims.id),
    before: jsonb("before"),
    after: jsonb("after"),
    at: timestamptz("at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_events_article_id_at_idx").on(t.articleId, t.at),
    index("audit_events_claim_id_at_idx").on(t.claimId, t.at),
    index("audit_events_actor_id_at_idx").on(t.actorId, t.at),
  ],
);

export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** An audit event as the histories show it (the actor's name is joined by each). */
export const auditEntryColumns = pickColumns(auditEvents, "id", "action", "at", "before", "after");
