import { relations } from "drizzle-orm";
import { type AnyPgColumn, index, pgTable, text } from "drizzle-orm/pg-core";
import { claims } from "./claims";
import { looseRef, ownerRef, timestamps, timestamptz, uuidKey, versionColumn } from "./columns";
import { rating, verdictState } from "./enums";
import { users } from "./users";

/** Every proposal is kept; the claim's current verdict is its latest approved one. */
export const verdicts = pgTable(
  "verdicts",
  {
    id: uuidKey(),
    claimId: ownerRef("claim_id", () => claims.id),
    rating: rating("rating").notNull(),
    rationale: text("rationale").notNull(),
    state: verdictState("state").notNull().default("proposed"),
    proposedBy: looseRef("proposed_by", () => users.id),
    approvedBy: looseRef("approved_by", () => users.id),
    approvedAt: timestamptz("approved_at"),
    returnedBy: looseRef("returned_by", () => users.id),
    returnedAt: timestamptz("returned_at"),
    returnNote: text("return_note"),
    /** The approved verdict of a tracked claim this proposal reuses (rating, rationale, sources). */
    reusedFromId: looseRef("reused_from_id", (): AnyPgColumn => verdicts.id),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    index("verdicts_claim_id_created_at_idx").on(t.claimId, t.createdAt),
    index("verdicts_proposed_by_created_at_idx").on(t.proposedBy, t.createdAt),
    index("verdicts_approved_by_approved_at_idx").on(t.approvedBy, t.approvedAt),
    index("verdicts_returned_by_idx").on(t.returnedBy),
    index("verdicts_state_created_at_idx").on(t.state, t.createdAt),
  ],
);

export const verdictsRelations = relations(verdicts, ({ one }) => ({
  claim: one(claims, { fields: [verdicts.claimId], references: [claims.id] }),
  proposer: one(users, { fields: [verdicts.proposedBy], references: [users.id] }),
  approver: one(users, { fields: [verdicts.approvedBy], references: [users.id] }),
}));

export type Verdict = typeof verdicts.$inferSelect;
export type NewVerdict = typeof verdicts.$inferInsert;
