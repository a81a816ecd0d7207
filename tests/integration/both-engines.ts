import { afterAll, beforeAll, describe } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createTestDatabase, isPostgres } from "./test-db";

/**
 * Runs one test body on both engines: PostgreSQL (a database of its own, when a server is
 * there) and embedded PGlite in memory. Queries written in plain SQL must behave the same on both.
 */
export function describeOnBothEngines(
  name: string,
  body: (db: { current: Database }) => void,
): void {
  const engines: { label: string; open: () => Promise<Database> }[] = [
    {
      label: "PGlite",
      open: async () => {
        const database = openDatabase({ dataDir: "memory://" });
        await runMigrations(database.db);
        return database;
      },
    },
  ];
  if (isPostgres()) engines.unshift({ label: "PostgreSQL", open: () => createTestDatabase() });
  for (const engine of engines) {
    describe(`${name} (${engine.label})`, () => {
      const holder = {} as { current: Database };
      beforeAll(async () => {
        holder.current = await engine.open();
      });
      afterAll(async () => {
        await holder.current?.close();
      });
      body(holder);
    });
  }
}
