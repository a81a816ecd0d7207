import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import {
  createDatabase,
  dropDatabase,
  findTestPostgres,
  uniqueName,
  withDatabase,
} from "../support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    testPostgres: { adminUrl: string; template: string } | null;
  }
}

/** Migrates one template database; each test file then gets its own copy of it. */
export default async function setup(project: TestProject) {
  const adminUrl = await findTestPostgres();
  if (!adminUrl) {
    console.log("[integration] database: PGlite (in memory), since no PostgreSQL server answered");
    project.provide("testPostgres", null);
    return;
  }
  const template = uniqueName("claimtrack_tmpl");
  await createDatabase(adminUrl, template);
  const database = openDatabase({ url: withDatabase(adminUrl, template), max: 1 });
  try {
    await runMigrations(database.db);
  } finally {
    await database.close();
  }
  console.log(
    `[integration] database: PostgreSQL at ${new URL(adminUrl).host}, one database per test file`,
  );
  project.provide("testPostgres", { adminUrl, template });
  return async () => {
    await dropDatabase(adminUrl, template);
  };
}
