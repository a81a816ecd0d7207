import { eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { loginAttempts, sessions, users } from "@/db/schema";
import { systemCtx } from "@/lib/auth/actor";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { requirePermission } from "@/lib/auth/permissions";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import {
  accountKey,
  addressKey,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  retryAfterSql,
  throttleMessage,
  windowInterval,
} from "@/lib/auth/throttle";
import { TooManyRequestsError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { loginSchema } from "@/lib/validation/auth";

export class InvalidCredentialsError extends Error {
  constructor() {
    super("Email or password is incorrect.");
  }
}

// Verified against when the email is unknown, so that case costs what a wrong password costs.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("claimtrack-dummy-password-for-timing");
  return dummyHash;
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
}

/**
 * Checks an email and password. Throws InvalidCredentialsError (never saying whether the email
 * exists) or TooManyRequestsError; upgrades a weak hash on success. Nobody is signed in yet: the
 * system acts, as "sign-in", and writes only the throttle counts and the upgraded hash.
 */
export async function authenticate(
  db: Db,
  input: unknown,
  clientAddress: string,
): Promise<AuthenticatedUser> {
  const ctx = systemCtx(db, "sign-in");
  requirePermission(ctx.actor, "account.sign_in");
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;
  const account = accountKey(email);
  const address = addressKey(clientAddress);

  const [byAccount, byAddress] = await Promise.all([
    countAttempt(db, account),
    countAttempt(db, address),
  ]);
  if (
    byAccount.failures > MAX_FAILURES_PER_ACCOUNT ||
    byAddress.failures > MAX_FAILURES_PER_ADDRESS
  ) {
    const retry = Math.max(
      byAccount.failures > MAX_FAILURES_PER_ACCOUNT ? byAccount.retryAfterSeconds : 0,
      byAddress.failures > MAX_FAILURES_PER_ADDRESS ? byAddress.retryAfterSeconds : 0,
    );
    throw new TooManyRequestsError(throttleMessage(retry), retry);
  }

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));

  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, password);
  else await verifyPassword(await getDummyHash(), password);
  if (!user || !ok || user.disabledAt) throw new InvalidCredentialsError();

  await forgiveAttempt(db, account, address);
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    const upgraded = await hashPassword(password);
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash: upgraded }).where(eq(users.id, user.id));
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.password_rehash",
        entityType: "user",
        entityId: user.id,
      });
    });
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}

/**
 * Signs in: checks the credentials (authenticate) and starts a server-side session, the row the
 * cookie will name (lib/auth/sessions.ts), with its audit row.
 */
export async function signIn(
  db: Db,
  input: unknown,
  clientAddress: string,
): Promise<AuthenticatedUser & { sessionId: string }> {
  const user = await authenticate(db, input, clientAddress);
  const ctx = systemCtx(db, "sign-in");
  requirePermission(ctx.actor, "account.sign_in");
  const sessionId = await ctx.db.transaction(async (tx) => {
    // Expired rows have no use; removing them here keeps the table as small as the live sessions.
    await tx.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
    const [row] = await tx
      .insert(sessions)
      .values({
        userId: user.id,
        expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`,
      })
      .returning({ id: sessions.id });
    if (!row) throw new Error("session insert returned no row");
    await recordAudit(tx, {
      actorId: user.id,
      action: "session.start",
      entityType: "session",
      entityId: row.id,
    });
    return row.id;
  });
  return { ...user, sessionId };
}

/**
 * Counts one attempt against a key and returns the count in the current window. The count is
 * taken before the password is checked, in one atomic upsert, so parallel attempts cannot slip
 * past the limit between a read and a write.
 */
async function countAttempt(
  db: Executor,
  key: string,
): Promise<{ failures: number; retryAfterSeconds: number }> {
  const rows = await db
    .insert(loginAttempts)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.windowStartedAt} < now() - ${windowInterval} then 1 else ${loginAttempts.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginAttempts.windowStartedAt} < now() - ${windowInterval} then now() else ${loginAttempts.windowStartedAt} end`,
        lastFailureAt: sql`now()`,
      },
    })
    .returning({
      failures: loginAttempts.failures,
      retryAfterSeconds: retryAfterSql,
    });
  const row = rows[0];
  return { failures: row?.failures ?? 1, retryAfterSeconds: Number(row?.retryAfterSeconds ?? 0) };
}

/** A successful sign-in clears the account's count and takes its attempt back from the address. */
async function forgiveAttempt(db: Executor, account: string, address: string): Promise<void> {
  await db.delete(loginAttempts).where(inArray(loginAttempts.key, [account]));
  await db
    .update(loginAttempts)
    .set({ failures: sql`greatest(0, ${loginAttempts.failures} - 1)` })
    .where(inArray(loginAttempts.key, [address]));
}
