import { hash } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, loginAttempts, users } from "@/db/schema";
import { PASSWORD_PARAMS } from "@/lib/auth/password";
import { accountKey } from "@/lib/auth/throttle";
import { TooManyRequestsError } from "@/lib/errors";
import { authenticate, InvalidCredentialsError } from "@/lib/services/users/sign-in";
import { FACTORY_PASSWORD, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

const address = () =>
  `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}-${crypto.randomUUID()}`;

describe("sign-in", () => {
  const db = useTestDatabase();

  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await makeUser(db.current.db, {
      email: `Mixed-${crypto.randomUUID()}@Example.test`,
    });
    const signedIn = await authenticate(
      db.current.db,
      { email: user.email.toUpperCase(), password: FACTORY_PASSWORD },
      address(),
    );
    expect(signedIn.id).toBe(user.id);
  });

  it("gives one message for a wrong password and an unknown email", async () => {
    const user = await makeUser(db.current.db);
    const wrong = await authenticate(
      db.current.db,
      { email: user.email, password: "wrong-password" },
      address(),
    ).catch((e) => e);
    const unknown = await authenticate(
      db.current.db,
      { email: "nobody@example.test", password: "wrong-password" },
      address(),
    ).catch((e) => e);
    expect(wrong).toBeInstanceOf(InvalidCredentialsError);
    expect(unknown).toBeInstanceOf(InvalidCredentialsError);
    expect(wrong.message).toBe(unknown.message);
  });

  it("refuses a disabled user with the same message", async () => {
    const user = await makeUser(db.current.db, { disabled: true });
    await expect(
      authenticate(db.current.db, { email: user.email, password: FACTORY_PASSWORD }, address()),
    ).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it("counts all of 20 parallel wrong passwords: the 11th and later are throttled", async () => {
    const user = await makeUser(db.current.db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate(
          db.current.db,
          { email: user.email, password: `wrong-${i}-password` },
          address(),
        ).catch((e: unknown) => e),
      ),
    );
    expect(results.filter((r) => r instanceof InvalidCredentialsError)).toHaveLength(10);
    const throttled = results.filter(
      (r) => r instanceof TooManyRequestsError,
    ) as TooManyRequestsError[];
    expect(throttled).toHaveLength(10);
    expect(throttled[0]?.message).toMatch(/^Too many attempts, try again in 1[45] minutes\.$/);
    const [row] = await db.current.db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.key, accountKey(user.email)));
    expect(row?.failures).toBe(20);
    // Even the right password waits for the window to pass.
    await expect(
      authenticate(db.current.db, { email: user.email, password: FACTORY_PASSWORD }, address()),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it("throttles one address after 50 failures across accounts", async () => {
    const from = address();
    for (let i = 0; i < 50; i++) {
      await authenticate(
        db.current.db,
        { email: `nobody-${i}@example.test`, password: "wrong-password" },
        from,
      ).catch(() => {});
    }
    const user = await makeUser(db.current.db);
    await expect(
      authenticate(db.current.db, { email: user.email, password: FACTORY_PASSWORD }, from),
    ).rejects.toBeInstanceOf(TooManyRequestsError);
    await expect(
      authenticate(db.current.db, { email: user.email, password: FACTORY_PASSWORD }, address()),
    ).resolves.toMatchObject({
      id: user.id,
    });
  }, 120_000);

  it("starts a new window once 15 minutes have passed", async () => {
    const user = await makeUser(db.current.db);
    await db.current.db.insert(loginAttempts).values({
      key: accountKey(user.email),
      failures: 30,
      windowStartedAt: sql`now() - interval '16 minutes'`,
    });
    await expect(
      authenticate(db.current.db, { email: user.email, password: FACTORY_PASSWORD }, address()),
    ).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("upgrades a hash below the current parameters at the next sign-in", async () => {
    const user = await makeUser(db.current.db);
    const weak = await hash(FACTORY_PASSWORD, {
      ...PASSWORD_PARAMS,
      memoryCost: 8192,
      timeCost: 1,
    });
    await db.current.db.update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));
    await authenticate(db.current.db, { email: user.email, password: FACTORY_PASSWORD }, address());
    const [after] = await db.current.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    expect(after?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const audit = await db.current.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, user.id));
    expect(audit.map((a) => a.action)).toContain("user.password_rehash");
  });
});
