import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import { systemCtx } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/permissions";
import type { SessionClaims } from "@/lib/auth/session-token";
import { recordAudit } from "@/lib/services/audit";
import { isUuid } from "@/lib/validation/ids";

/**
 * Ends one session (sign-out on this device): a copy of its cookie is refused from now on. The
 * cookie, which only the server can have made, is what entitles the caller, whether or not its
 * session is still live, so the system acts, as "sign-out", for the user the cookie names. Ending
 * a session that is gone already, or another user's, changes nothing and does not fail.
 */
export async function endSession(
  db: Db,
  claims: Pick<SessionClaims, "userId" | "sessionId">,
): Promise<void> {
  const ctx = systemCtx(db, "sign-out");
  requirePermission(ctx.actor, "account.sign_out");
  if (!isUuid(claims.sessionId) || !isUuid(claims.userId)) return;
  const { userId, sessionId } = claims;
  await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .returning({ id: sessions.id });
    if (ended.length === 0) return;
    await recordAudit(tx, {
      actorId: userId,
      action: "session.end",
      entityType: "session",
      entityId: sessionId,
    });
  });
}
