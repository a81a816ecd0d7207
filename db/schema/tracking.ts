import { relations, sql } from "drizzle-orm";
import { index, jsonb, pgTable, real, text, uniqueIndex } from "drizzle-orm/pg-core";
import { claims } from "./claims";
import { looseRef, ownerRef, timestamps, timestamptz, uuidKey, versionColumn } from "./columns";
import { matchState } from "./enums";
import { users } from "./users";

/**
 * One claim followed across articles and time: the appearances a reviewer marked "same claim"
 * point here (`claims.tracked_claim_id`). The canonical wording is what an editor says the claim
 * is, whatever each article's phrasing.
 */
export const trackedClaims = pgTable(
  "tracked_claims",
  {
    id: uuidKey(),
    canonicalText: text("canonical_text").notNull(),
    createdBy: looseRef("created_by", () => users.id),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [index("tracked_claims_created_at_idx").on(t.createdAt)],
);

/** Why a match was suggested: what the desk sees beside its score. */
export interface MatchReasons {
  /** Terms both claims share, best first (as written in the claim, not stemmed). */
  sharedTerms: string[];
  /** Extracted values that agree: "2,500 personnel", "1 Jan 2022", "Article 4 of the CSTO treaty". */
  agreeingValues: string[];
  /** Both claims name this speaker. */
  sameSpeaker: string | null;
}

/**
 * A claim (`claim_id`, the later appearance) and an earlier claim of another article that may state
 * the same thing (`match_id`). Suggestions are made by the matching service; a reviewer's decision
 * ("same" or "not_same") is kept, audited, and never suggested again.
 */
export const claimMatches = pgTable(
  "claim_matches",
  {
    id: uuidKey(),
    claimId: ownerRef("claim_id", () => claims.id),
    matchId: ownerRef("match_id", () => claims.id),
    score: real("score").notNull(),
    reasons: jsonb("reasons")
      .$type<MatchReasons>()
      .notNull()
      .default(sql`'{"sharedTerms":[],"agreeingValues":[],"sameSpeaker":null}'::jsonb`),
    state: matchState("state").notNull().default("suggested"),
    decidedBy: looseRef("decided_by", () => users.id),
    decidedAt: timestamptz("decided_at"),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    uniqueIndex("claim_matches_pair_key").on(t.claimId, t.matchId),
    index("claim_matches_match_id_idx").on(t.matchId),
    index("claim_matches_claim_id_score_idx").on(t.claimId, t.score),
  ],
);

export const trackedClaimsRelations = relations(trackedClaims, ({ many, one }) => ({
  appearances: many(claims),
  creator: one(users, { fields: [trackedClaims.createdBy], references: [users.id] }),
}));

export const claimMatchesRelations = relations(claimMatches, ({ one }) => ({
  claim: one(claims, {
    fields: [claimMatches.claimId],
    references: [claims.id],
    relationName: "claim_matches_claim",
  }),
  match: one(claims, {
    fields: [claimMatches.matchId],
    references: [claims.id],
    relationName: "claim_matches_match",
  }),
}));

export type TrackedClaim = typeof trackedClaims.$inferSelect;
export type ClaimMatch = typeof claimMatches.$inferSelect;
