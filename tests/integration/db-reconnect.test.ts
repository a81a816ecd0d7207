import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "@/db/client";
import { createTestDatabase, isPostgres, type TestDatabase } from "./test-db";

/*
 * A backend that ends during a query (a server restart, pg_terminate_backend) must cost that
 * query only. postgres.js 3.4.9 kept the old backend's error and handed it to the first query of
 * the next connection, so one request failed at random long after the database was back
 * (patches/postgres+3.4.9.patch, applied by `npm ci`).
 */
describe.runIf(isPostgres())("the PostgreSQL client after a backend ends mid-query", () => {
  const opened: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
  });

  it("answers the next query on the reconnected connection", async () => {
    const database = await createTestDatabase({ max: 1 });
    opened.push(database);
    if (!database.url) throw new Error("expected PostgreSQL");
    const admin = openDatabase({ url: database.url, max: 1 });
    try {
      const [row] = await queryRows<{ pid: number }>(
        database.db,
        sql`select pg_backend_pid() as pid`,
      );
      const pid = row?.pid;
      const slow = database.db.execute(sql`select pg_sleep(5)`).then(
        () => "finished",
        () => "refused",
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await admin.db.execute(sql`select pg_terminate_backend(${pid})`);
      expect(await slow).toBe("refused");
      for (let i = 0; i < 3; i++) {
        const [answer] = await queryRows<{ one: number }>(database.db, sql`select 1 as one`);
        expect(answer?.one).toBe(1);
      }
    } finally {
      await admin.close();
    }
  });
});
