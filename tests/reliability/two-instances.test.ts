import path from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEMO_LOGINS } from "@/lib/server/seed";
import { type App, startApp } from "./support/app";
import { type Cluster, createCluster, createEmptyDatabase } from "./support/cluster";
import { recordFigure } from "./support/figures";

/*
 * Two instances of the app started at the same moment against one empty database, as a
 * deployment with two replicas does: the schema is migrated once, the demo data seeded once, and
 * both serve.
 */

let cluster: Cluster | undefined;
const apps: App[] = [];

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  cluster?.destroy();
});

describe("two instances started at once on an empty database", () => {
  it("apply each migration once, seed once, and both serve", async () => {
    cluster = await createCluster(inject("reliabilityTemplate"));
    const url = await createEmptyDatabase(cluster, "claimtrack");
    const started = Date.now();
    const results = await Promise.allSettled(
      [0, 1].map(() => startApp({ databaseUrl: url, env: { SEED_DEMO: "true" } })),
    );
    for (const result of results) if (result.status === "fulfilled") apps.push(result.value);
    for (const result of results) if (result.status === "rejected") throw result.reason;
    recordFigure("two instances: both ready after", `${Date.now() - started} ms`);

    const migrations = readMigrationFiles({
      migrationsFolder: path.join(process.cwd(), "db", "migrations"),
    });
    const state = await cluster.query("claimtrack", async (sql) => ({
      migrations: await sql<{ hash: string; n: number }[]>`
        select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`,
      users: await sql<{ email: string }[]>`select email from users order by email`,
      articles: await sql<{ title: string }[]>`select title from articles`,
      imports: await sql<{ n: number }[]>`
        select count(*)::int as n from audit_events where action = 'article.import'`,
    }));
    expect(state.migrations).toHaveLength(migrations.length);
    expect(state.migrations.every((m) => m.n === 1)).toBe(true);
    expect(state.migrations.map((m) => m.hash).sort()).toEqual(
      migrations.map((m) => m.hash).sort(),
    );
    expect(state.users.map((u) => u.email)).toEqual(DEMO_LOGINS.map((l) => l.email).sort());
    expect(state.articles).toHaveLength(1);
    expect(state.imports).toEqual([{ n: 1 }]);

    for (const app of apps) {
      const health = await fetch(`${app.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: "ok",
        database: "postgresql",
        migrations: migrations.length,
      });
    }
  });
});
