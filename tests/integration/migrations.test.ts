import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { countAppliedMigrations, runMigrations } from "@/db/migrate";
import { createDatabase, dropDatabase, uniqueName, withDatabase } from "../support/postgres";

const migrationCount = (
  JSON.parse(fs.readFileSync(path.join("db", "migrations", "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  }
).entries.length;

describe("migrations", () => {
  it("two instances migrating one empty database at the same moment both succeed and apply each migration once", async () => {
    const pg = inject("testPostgres");
    if (!pg) {
      // PGlite is one process with one connection: two concurrent runs share it.
      const database = openDatabase({ dataDir: "memory://" });
      const results = await Promise.all([runMigrations(database.db), runMigrations(database.db)]);
      expect(results.map((r) => r.applied).sort()).toEqual([0, migrationCount]);
      expect(await countAppliedMigrations(database.db)).toBe(migrationCount);
      await database.close();
      return;
    }
    const name = uniqueName("claimtrack_migrate");
    await createDatabase(pg.adminUrl, name);
    const url = withDatabase(pg.adminUrl, name);
    const a = openDatabase({ url, max: 2 });
    const b = openDatabase({ url, max: 2 });
    try {
      const results = await Promise.all([runMigrations(a.db), runMigrations(b.db)]);
      expect(results.map((r) => r.applied).sort()).toEqual([0, migrationCount]);
      expect(await countAppliedMigrations(a.db)).toBe(migrationCount);
      // A later start finds nothing to do.
      expect((await runMigrations(b.db)).applied).toBe(0);
    } finally {
      await a.close();
      await b.close();
      await dropDatabase(pg.adminUrl, name);
    }
  });
});
