import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions } from "@/db/schema";
import { findSessionUser } from "@/lib/auth/sessions";
import { endSession } from "@/lib/services/users/end-session";
import { signIn as signInService } from "@/lib/services/users/sign-in";
import { signOutEverywhere } from "@/lib/services/users/sign-out-everywhere";
import { changeUserRole, disableUser } from "@/lib/services/users/update-user";
import { ctxFor, FACTORY_PASSWORD, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

describe("server-side sessions", () => {
  const db = useTestDatabase();

  /** Signs a user in as the credentials provider does, and returns what the cookie would carry. */
  async function signIn(email: string) {
    const user = await signInService(
      db.current.db,
      { email, password: FACTORY_PASSWORD },
      `test-${crypto.randomUUID()}`,
    );
    return { userId: user.id, sessionId: user.sessionId, sessionVersion: user.sessionVersion };
  }

  /** The session audit rows of these sessions, oldest first. */
  function sessionAudit(sessionIds: string[]) {
    return db.current.db
      .select({
        action: auditEvents.action,
        actorId: auditEvents.actorId,
        entityId: auditEvents.entityId,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "session"), inArray(auditEvents.entityId, sessionIds)))
      .orderBy(auditEvents.at);
  }

  it("ends only the session signed out of; the same user's other session goes on", async () => {
    const user = await makeUser(db.current.db, { role: "editor" });
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    expect((await findSessionUser(db.current.db, laptop))?.user).toMatchObject({
      id: user.id,
      role: "editor",
    });
    await endSession(db.current.db, laptop);
    // The copied cookie still decodes to the same claims; the server no longer accepts them.
    expect(await findSessionUser(db.current.db, laptop)).toBeNull();
    expect((await findSessionUser(db.current.db, phone))?.user.id).toBe(user.id);
    // Signing out again, or of a session that is not there, changes nothing and does not fail.
    await endSession(db.current.db, laptop);
    await endSession(db.current.db, { userId: user.id, sessionId: "not-a-uuid" });
    // One audit row per change: each start, and the one end that ended something.
    expect(await sessionAudit([laptop.sessionId, phone.sessionId])).toEqual([
      { action: "session.start", actorId: user.id, entityId: laptop.sessionId },
      { action: "session.start", actorId: user.id, entityId: phone.sessionId },
      { action: "session.end", actorId: user.id, entityId: laptop.sessionId },
    ]);
  });

  it("refuses a session whose user was disabled, whose role changed, or who signed out everywhere", async () => {
    const admin = await makeUser(db.current.db, { role: "admin" });
    const asAdmin = ctxFor(db.current.db, admin);

    const promoted = await makeUser(db.current.db);
    const before = await signIn(promoted.email);
    await changeUserRole(asAdmin, { userId: promoted.id, role: "editor", version: 1 });
    expect(await findSessionUser(db.current.db, before)).toBeNull();

    const disabled = await makeUser(db.current.db);
    const active = await signIn(disabled.email);
    await disableUser(asAdmin, { userId: disabled.id, version: 1 });
    expect(await findSessionUser(db.current.db, active)).toBeNull();

    const everywhere = await makeUser(db.current.db);
    const one = await signIn(everywhere.email);
    const two = await signIn(everywhere.email);
    await signOutEverywhere(ctxFor(db.current.db, everywhere));
    expect(await findSessionUser(db.current.db, one)).toBeNull();
    expect(await findSessionUser(db.current.db, two)).toBeNull();
  });

  it("refuses another user's session id, an expired session and claims that are not ids", async () => {
    const alice = await makeUser(db.current.db);
    const bob = await makeUser(db.current.db);
    const hers = await signIn(alice.email);
    const his = await signIn(bob.email);
    expect(await findSessionUser(db.current.db, { ...his, sessionId: hers.sessionId })).toBeNull();
    // Bob cannot end Alice's session by naming its id.
    await endSession(db.current.db, { userId: bob.id, sessionId: hers.sessionId });
    expect(await findSessionUser(db.current.db, hers)).not.toBeNull();
    expect((await sessionAudit([hers.sessionId])).map((row) => row.action)).toEqual([
      "session.start",
    ]);
    expect(await findSessionUser(db.current.db, { ...his, sessionId: "" })).toBeNull();
    expect(await findSessionUser(db.current.db, { ...his, userId: "x' or 1=1" })).toBeNull();

    await db.current.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, his.sessionId));
    expect(await findSessionUser(db.current.db, his)).toBeNull();
    // The next sign-in removes expired rows.
    await signIn(alice.email);
    const left = await db.current.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.id, his.sessionId));
    expect(left).toHaveLength(0);
  });
});
