import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { type Executor, queryRows } from "@/db/client";

/*
 * The data version, and results already computed from the data (the dashboard's, the claim
 * list's), reused while that data is unchanged. Every transaction that changes claims, verdicts,
 * articles or users raises `dashboard_state.version` at commit (migration 0003), so an approval
 * shows on the next dashboard or claim list load, on every server. A
 * result is kept only when the version read before its queries equals the version read after them:
 * then no change committed in between, and every query saw that one state.
 *
 * Requests for the same filters that arrive while those figures are being computed for the same
 * version wait for that computation instead of starting their own: after each change every open
 * dashboard asks again at once, and ten copies of the two-year view would only queue behind
 * each other. Joining is as fresh as computing: the joiner read the same version, so no change
 * committed between the first request's start and its own.
 *
 * One cache per database handle (tests run several databases in one process; a transaction handle
 * gets its own, dropped with it), at most LIMIT filter combinations each, least recently used out.
 * Cached values are shared between requests: callers must not mutate them.
 *
 * A page passes the version it read with the session (lib/auth/session.ts), which saves the first
 * read: it was read before any of the page's queries, which is all the rule above needs.
 */
const LIMIT = 200;

type Entry = { version: string; value: unknown };
type Flight = { version: string; promise: Promise<unknown> };
const caches = new WeakMap<
  object,
  { done: LRUCache<string, Entry>; running: Map<string, Flight> }
>();

export async function dataVersion(db: Executor): Promise<string> {
  const [row] = await queryRows<{ version: string }>(
    db,
    sql`select version::text as version from dashboard_state`,
  );
  return row?.version ?? "";
}

export async function cachedByVersion<T>(
  db: Executor,
  key: string,
  compute: () => Promise<T>,
  /** The version read at the start of this request, when the caller has it. */
  known?: string,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = { done: new LRUCache<string, Entry>({ max: LIMIT }), running: new Map() };
    caches.set(db, cache);
  }
  const { done, running } = cache;
  const before = known ?? (await dataVersion(db));
  const hit = done.get(key);
  if (hit && hit.version === before) return hit.value as T;
  const flight = running.get(key);
  if (flight && flight.version === before) return flight.promise as Promise<T>;

  const promise = (async () => {
    const value = await compute();
    if ((await dataVersion(db)) === before) done.set(key, { version: before, value });
    return value;
  })();
  running.set(key, { version: before, promise });
  try {
    return await promise;
  } finally {
    if (running.get(key)?.promise === promise) running.delete(key);
  }
}
