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

/** The throttle window, as SQL. */
export const windowInterval = sql.raw(`interval '${THROTTLE_WINDOW_MINUTES} minutes'`);

/** Seconds until a key's window ends, as SQL. */
export const retryAfterSql = sql<number>`greatest(0, ceil(extract(epoch from (${loginAttempts.windowStartedAt} + ${windowInterval} - now()))))::int`;

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
      retryAfterSeconds: retryAfterSql,
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
