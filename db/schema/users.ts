import { relations, sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import {
  createdAt,
  looseRef,
  ownerRef,
  timestamps,
  timestamptz,
  uuidKey,
  versionColumn,
} from "./columns";
import { userRole, userTokenPurpose } from "./enums";

export const users = pgTable(
  "users",
  {
    id: uuidKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("reviewer"),
    disabledAt: timestamptz("disabled_at"),
    sessionVersion: integer("session_version").notNull().default(1),
    ...timestamps,
    ...versionColumn,
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
  ],
);

/** Single-use, expiring tokens (set-password links). Only the hash is stored. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: uuidKey(),
    userId: ownerRef("user_id", () => users.id),
    purpose: userTokenPurpose("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdBy: looseRef("created_by", () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("user_tokens_token_hash_key").on(t.tokenHash),
    index("user_tokens_user_id_idx").on(t.userId),
    index("user_tokens_created_by_idx").on(t.createdBy),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  tokens: many(userTokens),
}));

export const userTokensRelations = relations(userTokens, ({ one }) => ({
  user: one(users, { fields: [userTokens.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
