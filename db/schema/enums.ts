import { pgEnum } from "drizzle-orm/pg-core";
import {
  CLAIM_KINDS,
  CLAIM_ORIGINS,
  CLAIM_STATUSES,
  MATCH_STATES,
  RATINGS,
  SOURCE_STANCES,
  SOURCE_TYPES,
  USER_ROLES,
  USER_TOKEN_PURPOSES,
  VERDICT_STATES,
} from "./constants";

export const userRole = pgEnum("user_role", USER_ROLES);
export const claimKind = pgEnum("claim_kind", CLAIM_KINDS);
export const claimStatus = pgEnum("claim_status", CLAIM_STATUSES);
export const claimOrigin = pgEnum("claim_origin", CLAIM_ORIGINS);
export const sourceType = pgEnum("source_type", SOURCE_TYPES);
export const sourceStance = pgEnum("source_stance", SOURCE_STANCES);
export const rating = pgEnum("rating", RATINGS);
export const verdictState = pgEnum("verdict_state", VERDICT_STATES);
export const userTokenPurpose = pgEnum("user_token_purpose", USER_TOKEN_PURPOSES);
export const matchState = pgEnum("match_state", MATCH_STATES);
