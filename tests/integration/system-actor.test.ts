import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, loginAttempts } from "@/db/schema";
import { systemCtx } from "@/lib/auth/actor";
import { findSessionUser } from "@/lib/auth/sessions";
import { accountKey } from "@/lib/auth/throttle";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createUser } from "@/lib/services/users/create-user";
import { signIn } from "@/lib/services/users/sign-in";
import { ctxFor, FACTORY_PASSWORD, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

describe("the system as the actor", () => {
  const db = useTestDatabase();
  const fresh = () => `system-${crypto.randomUUID()}@example.test`;

  it("creates a user with a chosen password through the admin's service, audited as the system", async () => {
    const email = fresh();
    const created = await createUser(
      systemCtx(db.current.db, "cli"),
      { email, name: "Chief", role: "admin" },
      { password: "a long passphrase" },
    );
    expect(created).toEqual({ user: expect.objectContaining({ email, role: "admin" }) });
    const signedIn = await signIn(db.current.db, { email, password: "a long passphrase" }, "test");
    expect(signedIn.role).toBe("admin");
    const [audit] = await db.current.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.user.id));
    expect(audit).toMatchObject({
      actorId: null,
      action: "user.create",
      after: { email, role: "admin", credential: "password", via: "cli" },
    });
    expect(JSON.stringify(audit)).not.toContain("a long passphrase");
  });

  it("refuses a duplicate email and a short password from the system too", async () => {
    const email = fresh();
    const cli = systemCtx(db.current.db, "cli");
    await createUser(cli, { email, name: "One", role: "reviewer" }, { password: "long enough" });
    await expect(
      createUser(
        cli,
        { email: email.toUpperCase(), name: "Two", role: "reviewer" },
        { password: "long enough" },
      ),
    ).rejects.toThrow(ValidationError);
    await expect(
      createUser(cli, { email: fresh(), name: "Three", role: "reviewer" }, { password: "short" }),
    ).rejects.toThrow("Use at least 8 characters.");
  });

  it("lets the system do only what the permission map gives it, and an admin never choose a password", async () => {
    const input = { email: fresh(), name: "Nobody", role: "reviewer" as const };
    // Sign-in and the set-password link may not create users.
    await expect(
      createUser(systemCtx(db.current.db, "sign-in"), input, { password: "long enough" }),
    ).rejects.toThrow(ForbiddenError);
    await expect(createUser(systemCtx(db.current.db, "password-link"), input)).rejects.toThrow(
      ForbiddenError,
    );
    const admin = await makeUser(db.current.db, { role: "admin" });
    await expect(
      createUser(ctxFor(db.current.db, admin), input, { password: "long enough" }),
    ).rejects.toThrow(ForbiddenError);
    const reviewer = await makeUser(db.current.db, { role: "reviewer" });
    await expect(createUser(ctxFor(db.current.db, reviewer), input)).rejects.toThrow(
      ForbiddenError,
    );
  });

  it("signs in: the session it starts is live, and a good password clears the account's failures", async () => {
    const user = await makeUser(db.current.db);
    const address = `sign-in-${crypto.randomUUID()}`;
    await expect(
      signIn(db.current.db, { email: user.email, password: "not the password" }, address),
    ).rejects.toThrow("Email or password is incorrect.");
    const failures = () =>
      db.current.db
        .select({ failures: loginAttempts.failures })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.key, accountKey(user.email))));
    expect(await failures()).toEqual([{ failures: 1 }]);

    const signedIn = await signIn(
      db.current.db,
      { email: user.email, password: FACTORY_PASSWORD },
      address,
    );
    expect(await failures()).toEqual([]);
    const live = await findSessionUser(db.current.db, {
      userId: signedIn.id,
      sessionId: signedIn.sessionId,
      sessionVersion: signedIn.sessionVersion,
    });
    expect(live?.user).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
    });
  });
});
