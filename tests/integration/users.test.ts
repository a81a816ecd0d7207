import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createUser } from "@/lib/services/users/create-user";
import { setPasswordWithToken } from "@/lib/services/users/set-password";
import { authenticate } from "@/lib/services/users/sign-in";
import { changeUserRole, disableUser, enableUser } from "@/lib/services/users/update-user";
import { ctxFor, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

describe("user management", () => {
  const db = useTestDatabase();

  it("creates a user with a one-time password that signs in, and audits it without the password", async () => {
    const admin = await makeUser(db.current.db, { role: "admin" });
    const email = `fresh-${crypto.randomUUID()}@example.test`;
    const created = await createUser(ctxFor(db.current.db, admin), {
      email,
      name: "Fresh Reviewer",
      role: "reviewer",
    });
    expect(created.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const signedIn = await authenticate(
      db.current.db,
      { email, password: created.oneTimePassword },
      "test",
    );
    expect(signedIn.role).toBe("reviewer");
    const [audit] = await db.current.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.user.id));
    expect(audit).toMatchObject({ actorId: admin.id, action: "user.create" });
    expect(JSON.stringify(audit)).not.toContain(created.oneTimePassword);
    expect(Object.keys(created.user)).not.toContain("passwordHash");
  });

  it("refuses a second user with the same email in another case", async () => {
    const admin = await makeUser(db.current.db, { role: "admin" });
    const existing = await makeUser(db.current.db);
    await expect(
      createUser(ctxFor(db.current.db, admin), {
        email: existing.email.toUpperCase(),
        name: "Dup",
        role: "reviewer",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("makes a single-use, expiring set-password link", async () => {
    const admin = await makeUser(db.current.db, { role: "admin" });
    const email = `link-${crypto.randomUUID()}@example.test`;
    const created = await createUser(ctxFor(db.current.db, admin), {
      email,
      name: "Linked",
      role: "editor",
      credential: "set_password_link",
    });
    expect(created.oneTimePassword).toBeUndefined();
    const token = created.setPasswordToken ?? "";
    expect(created.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000);
    await setPasswordWithToken(db.current.db, {
      token,
      password: "a new passphrase ✓",
      confirm: "a new passphrase ✓",
    });
    await expect(
      authenticate(db.current.db, { email, password: "a new passphrase ✓" }, "test"),
    ).resolves.toMatchObject({ email });
    await expect(
      setPasswordWithToken(db.current.db, {
        token,
        password: "another passphrase",
        confirm: "another passphrase",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("changes a role, disables and re-enables, ending sessions and auditing before and after", async () => {
    const admin = await makeUser(db.current.db, { role: "admin" });
    const ctx = ctxFor(db.current.db, admin);
    const target = await makeUser(db.current.db);
    const promoted = await changeUserRole(ctx, {
      userId: target.id,
      role: "editor",
      version: target.version,
    });
    expect(promoted.role).toBe("editor");
    const disabled = await disableUser(ctx, { userId: target.id, version: promoted.version });
    expect(disabled.disabledAt).not.toBeNull();
    const enabled = await enableUser(ctx, { userId: target.id, version: disabled.version });
    expect(enabled.disabledAt).toBeNull();
    const [row] = await db.current.db
      .select({ sv: users.sessionVersion })
      .from(users)
      .where(eq(users.id, target.id));
    expect(row?.sv).toBe(target.sessionVersion + 3);
    const audit = await db.current.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, target.id))
      .orderBy(auditEvents.at);
    expect(audit.map((a) => a.action)).toEqual(["user.role_change", "user.disable", "user.enable"]);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      before: { role: "reviewer" },
      after: { role: "editor" },
    });
  });

  it("refuses a change made from a stale version", async () => {
    const admin = await makeUser(db.current.db, { role: "admin" });
    const target = await makeUser(db.current.db);
    await changeUserRole(ctxFor(db.current.db, admin), {
      userId: target.id,
      role: "editor",
      version: target.version,
    });
    await expect(
      changeUserRole(ctxFor(db.current.db, admin), {
        userId: target.id,
        role: "admin",
        version: target.version,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("never disables or demotes the last active admin, even when two admins remove each other at once", async () => {
    // Alone in its own database so that other tests' admins do not count.
    const { createTestDatabase } = await import("./test-db");
    const own = await createTestDatabase();
    try {
      const a = await makeUser(own.db, { role: "admin" });
      const b = await makeUser(own.db, { role: "admin" });
      const results = await Promise.allSettled([
        disableUser(ctxFor(own.db, a), { userId: b.id, version: b.version }),
        changeUserRole(ctxFor(own.db, b), { userId: a.id, role: "reviewer", version: a.version }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const active = await own.db
        .select()
        .from(users)
        .where(and(eq(users.role, "admin")));
      expect(active.filter((u) => u.disabledAt === null)).toHaveLength(1);
      const [last] = active.filter((u) => u.disabledAt === null);
      await expect(
        disableUser(ctxFor(own.db, last ?? a), { userId: last?.id ?? "", version: last?.version }),
      ).rejects.toThrow(/last active admin/);
    } finally {
      await own.close();
    }
  });
});
