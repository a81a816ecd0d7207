import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;

/** Drizzle over either engine: both speak PostgreSQL, so services see one type. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, Relations>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Relations>;
/** What data functions take: the database or an open transaction. */
export type Executor = Db | Tx;

/** Runs raw SQL on either engine: postgres.js answers an array, PGlite an object with rows. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

export type Engine = "pglite" | "postgresql";

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export class DatabaseOpenError extends Error {}

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  /** postgres.js pool size. */
  max?: number;
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.url) return openPostgres(options.url, options.max);
  return openPglite(options.dataDir ?? ".data/pglite");
}

/**
 * How long a connection waits before connecting again after failed attempts. postgres.js's default
 * grows to 3^n / 100 s (up to 20 s), counted over every failed attempt of the pool: a few seconds
 * of database restart under load pushed it to 10–20 s, and every query queued on such a connection
 * waited that long (health checks hung instead of answering 503; pages stayed down long after the
 * database was back, tests/reliability/database-restart.test.ts). A short cap keeps both quick; ten
 * connections retrying twice a second are no burden on a server that is starting.
 */
export function reconnectDelaySeconds(failedAttempts: number): number {
  return Math.min(0.05 * 2 ** failedAttempts, 0.5);
}

function openPostgres(url: string, max = 10): Database {
  const client = postgres(url, {
    max,
    // Fail fast with a clear error instead of hanging on an unreachable server.
    connect_timeout: 10,
    backoff: reconnectDelaySeconds,
    idle_timeout: 60,
    onnotice: () => {},
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    engine: "postgresql",
    close: () => client.end({ timeout: 5 }),
  };
}

function openPglite(dataDir: string): Database {
  if (dataDir.startsWith("memory://")) {
    const client = new PGlite(dataDir);
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      engine: "pglite",
      close: () => client.close(),
    };
  }
  const dir = path.resolve(dataDir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new DatabaseOpenError(
      `PGLITE_DIR ${dataDir} is not writable: choose a directory you can write to.`,
    );
  }
  const release = lockDirectory(dir);
  const client = new PGlite(dir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    engine: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * PGlite is a single-process database: a second process opening the same files would corrupt
 * them, so the directory carries a lock file naming the process that holds it.
 */
function lockDirectory(dir: string): () => void {
  const lockPath = path.join(dir, "claimtrack.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DatabaseOpenError(
          `The database directory ${dir} is in use by another Claimtrack process (pid ${holder}); stop it first or set PGLITE_DIR to another directory.`,
        );
      }
      // A stale lock from a process that died: take it over.
      fs.unlinkSync(lockPath);
    }
  }
  throw new DatabaseOpenError(`Could not lock the database directory ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// One handle per process, shared through globalThis so that the server entry point and the
// route code bundled by Next.js use the same connection pool (and, for PGlite, the same files).
const GLOBAL_KEY = Symbol.for("claimtrack.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Database };

/** The process's database, opened on first use from the validated settings. */
export async function getDatabase(): Promise<Database> {
  const store = globalThis as GlobalWithDb;
  if (!store[GLOBAL_KEY]) {
    const { getEnv } = await import("@/lib/env");
    const env = getEnv();
    store[GLOBAL_KEY] = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  }
  return store[GLOBAL_KEY];
}

export function setDatabase(database: Database): void {
  (globalThis as GlobalWithDb)[GLOBAL_KEY] = database;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
