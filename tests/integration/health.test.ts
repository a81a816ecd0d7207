import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { type Database, openDatabase, setDatabase } from "@/db/client";
import { createTestDatabase } from "./test-db";

const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close().catch(() => {})));
});

describe("GET /api/health", () => {
  it("reports the engine and the number of migrations applied", async () => {
    const database = await createTestDatabase();
    opened.push(database);
    setDatabase(database);
    const response = await GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      status: "ok",
      database: database.engine,
      migrations: expect.any(Number),
    });
    expect(body.migrations).toBeGreaterThanOrEqual(1);
  });

  it("answers 503 when the database does not answer", async () => {
    const unreachable = openDatabase({ url: "postgres://nobody@127.0.0.1:5999/none", max: 1 });
    opened.push(unreachable);
    setDatabase(unreachable);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error" });
  });
});
