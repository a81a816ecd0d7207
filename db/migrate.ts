import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { bigint, pgSchema, serial, text } from "drizzle-orm/pg-core";
import type { Db } from "./client";

// The same bookkeeping table drizzle-kit's migrator uses, so either tool sees the same history.
const drizzleSchema = pgSchema("drizzle");
export const migrationsTable = drizzleSchema.table("__drizzle_migrations", {
  id: serial("id").primaryKey(),
  hash: text("hash").notNull(),
  createdAt: bigint("created_at", { mode: "number" }),
});

/** Any constant works; it only has to be the same for every instance of the app. */
const MIGRATION_LOCK_KEY = 7_361_224_001;

export function migrationsFolder(): string {
  return path.join(process.cwd(), "db", "migrations");
}

/**
 * Applies pending migrations in one transaction under a PostgreSQL advisory lock, so instances
 * starting together against one database take turns and each migration runs exactly once.
 */
export async function runMigrations(
  db: Db,
  folder = migrationsFolder(),
): Promise<{ applied: number; total: number }> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (
      id serial primary key, hash text not null, created_at bigint)`);
    const done = await tx.select({ createdAt: migrationsTable.createdAt }).from(migrationsTable);
    const last = Math.max(0, ...done.map((row) => Number(row.createdAt ?? 0)));
    let applied = 0;
    for (const migration of migrations) {
      if (migration.folderMillis <= last) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx
        .insert(migrationsTable)
        .values({ hash: migration.hash, createdAt: migration.folderMillis });
      applied++;
    }
    return { applied, total: migrations.length };
  });
}

export async function countAppliedMigrations(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(migrationsTable);
  return Number(row?.n ?? 0);
}

async function main() {
  const { getEnv } = await import("@/lib/env");
  const { openDatabase } = await import("./client");
  const env = getEnv();
  const database = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR, max: 1 });
  try {
    const { applied, total } = await runMigrations(database.db);
    console.log(`Migrations: ${applied} applied now, ${total} in all (${database.engine}).`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
