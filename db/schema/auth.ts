import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, ownerRef, timestamptz, uuidKey } from "./columns";
import { users } from "./users";

/**
 * Failed sign-in counters, one row per key ("account:<email>" or "address:<ip>"), updated with an
 * atomic upsert so that every app instance sharing the database sees the same count.
 */
export const loginAttempts = pgTable("login_attempts", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamptz("window_started_at").notNull().defaultNow(),
  lastFailureAt: timestamptz("last_failure_at").notNull().defaultNow(),
});

/**
 * One row per signed-in session; the session cookie carries the row's id. Signing out deletes the
 * row, so a copy of the cookie taken before is refused afterwards, while the user's other sessions
 * go on. Expired rows are removed at the next sign-in.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuidKey(),
    userId: ownerRef("user_id", () => users.id),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
  },
  (t) => [
    index("sessions_user_id_idx").on(t.userId),
    index("sessions_expires_at_idx").on(t.expiresAt),
  ],
);

export type Session = typeof sessions.$inferSelect;
