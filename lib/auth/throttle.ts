import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginAttempts } from "@/db/schema";

export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}

export interface ThrottleState {
  throttled: boolean;
  retryAfterSeconds: number;
}

const windowInterval = sql.raw(`interval '${THROTTLE_WINDOW_MINUTES} minutes'`);

/**
 * Counts one attempt against a key and returns the count in the current window. The count is
 * taken before the password is checked, in one atomic upsert, so parallel attempts cannot slip
 * past the limit between a read and a write.
 */
export async function countAttempt(
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
      retryAfterSeconds: sql<number>`greatest(0, ceil(extract(epoch from (${loginAttempts.windowStartedAt} + ${windowInterval} - now()))))::int`,
    });
  const row = rows[0];
  return { failures: row?.failures ?? 1, retryAfterSeconds: Number(row?.retryAfterSeconds ?? 0) };
}

/** A successful sign-in clears the account's count and takes its attempt back from the address. */
export async function forgiveAttempt(
  db: Executor,
  account: string,
  address: string,
): Promise<void> {
  await db.delete(loginAttempts).where(inArray(loginAttempts.key, [account]));
  await db
    .update(loginAttempts)
    .set({ failures: sql`greatest(0, ${loginAttempts.failures} - 1)` })
    .where(inArray(loginAttempts.key, [address]));
}

/** Reads the state without counting (for answering a throttled route before any work). */
export async function readThrottle(
  db: Executor,
  account: string,
  address: string,
): Promise<ThrottleState> {
  const rows = await db
    .select({
      key: loginAttempts.key,
      failures: loginAttempts.failures,
      retryAfterSeconds: sql<number>`greatest(0, ceil(extract(epoch from (${loginAttempts.windowStartedAt} + ${windowInterval} - now()))))::int`,
    })
    .from(loginAttempts)
    .where(inArray(loginAttempts.key, [account, address]));
  let retry = 0;
  for (const row of rows) {
    const limit = row.key === account ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_ADDRESS;
    const seconds = Number(row.retryAfterSeconds);
    if (row.failures >= limit && seconds > 0) retry = Math.max(retry, seconds);
  }
  return { throttled: retry > 0, retryAfterSeconds: retry };
}

export function throttleMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
