import { afterAll, beforeAll, inject } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createDatabase, dropDatabase, uniqueName, withDatabase } from "../support/postgres";

export interface TestDatabase extends Database {
  url: string | null;
}

/** A fresh database made from the migrated schema, for one test file. */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const pg = inject("testPostgres");
  if (!pg) {
    const database = openDatabase({ dataDir: "memory://" });
    await runMigrations(database.db);
    return { ...database, url: null };
  }
  const name = uniqueName("claimtrack_test");
  await createDatabase(pg.adminUrl, name, pg.template);
  const url = withDatabase(pg.adminUrl, name);
  const database = openDatabase({ url, max: options.max ?? 25 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await dropDatabase(pg.adminUrl, name);
    },
  };
}

/** beforeAll/afterAll wiring: call at the top of a test file, read `.current` inside tests. */
export function useTestDatabase(options: { max?: number } = {}) {
  const holder = {} as { current: TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase(options);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

export function isPostgres(): boolean {
  return inject("testPostgres") !== null;
}
