import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { isUuid } from "@/lib/validation/ids";
import type { SessionUser } from "./actor";
import type { SessionClaims } from "./session-token";

/*
 * Server-side sessions. The cookie stays Auth.js's encrypted JWT, and carries the id of a row in
 * `sessions` (`sid`). A request is signed in only while that row exists, has not expired, belongs
 * to the user the token names, the user is enabled, and the user's session_version is the one the
 * token was made with. Signing out deletes the one row (this device); sign-out-everywhere, a
 * disabled account and a changed role raise session_version (every device).
 *
 * This module only reads them: sign-in starts a session and sign-out ends one through services
 * (lib/services/users/sign-in.ts, end-session.ts), which write the audit rows.
 */

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * The user of a live session, or null for any session the app refuses. The same statement reads
 * the data version (lib/services/data-version.ts), so a page whose figures are cached needs no
 * round trip of its own to learn whether they are still current.
 */
export async function findSessionUser(
  db: Db,
  claims: Pick<SessionClaims, "userId" | "sessionId" | "sessionVersion">,
): Promise<{ user: SessionUser; dataVersion: string } | null> {
  if (!isUuid(claims.userId) || !isUuid(claims.sessionId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      sessionVersion: users.sessionVersion,
      dataVersion: sql<string>`(select version::text from dashboard_state)`,
    })
    .from(users)
    .innerJoin(
      sessions,
      and(
        eq(sessions.id, claims.sessionId),
        eq(sessions.userId, users.id),
        sql`${sessions.expiresAt} > now()`,
      ),
    )
    .where(and(eq(users.id, claims.userId), isNull(users.disabledAt)));
  if (!row || row.sessionVersion !== claims.sessionVersion) return null;
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    dataVersion: row.dataVersion ?? "",
  };
}
