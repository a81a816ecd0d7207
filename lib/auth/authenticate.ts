import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { TooManyRequestsError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { loginSchema } from "@/lib/validation/auth";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import {
  accountKey,
  addressKey,
  countAttempt,
  forgiveAttempt,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  throttleMessage,
} from "./throttle";

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
 * exists) or TooManyRequestsError; upgrades a weak hash on success.
 */
export async function authenticate(
  db: Db,
  input: unknown,
  clientAddress: string,
): Promise<AuthenticatedUser> {
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
    await db.transaction(async (tx) => {
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
