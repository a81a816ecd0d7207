/**
 * The e2e step of `npm test`: a Chromium, a current production build, a fresh database (PostgreSQL
 * when one answers, else a new PGlite directory), then Playwright. Extra arguments go to Playwright.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isBuildCurrent, writeBuildStamp } from "@/lib/server/build-stamp";
import {
  createDatabase,
  dropDatabase,
  findTestPostgres,
  uniqueName,
  withDatabase,
} from "../support/postgres";
import { ensureChromium } from "./chromium";

const root = process.cwd();

async function main(): Promise<number> {
  const chromium = ensureChromium();
  console.log(`[e2e] browser: ${chromium}`);

  if (!isBuildCurrent(root)) {
    console.log("[e2e] building the app for production…");
    const build = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/next/dist/bin/next"), "build"],
      {
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production" },
      },
    );
    if (build.status !== 0) return build.status ?? 1;
    writeBuildStamp(root);
  }

  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: chromium };
  const adminUrl = await findTestPostgres();
  let cleanup = async () => {};
  if (adminUrl) {
    const name = uniqueName("claimtrack_e2e");
    await createDatabase(adminUrl, name);
    env.E2E_DATABASE_URL = withDatabase(adminUrl, name);
    console.log(`[e2e] database: PostgreSQL ${name}`);
    cleanup = () => dropDatabase(adminUrl, name);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-e2e-"));
    env.E2E_PGLITE_DIR = path.join(dir, "pglite");
    console.log(`[e2e] database: PGlite in ${env.E2E_PGLITE_DIR}`);
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }

  try {
    const result = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
      {
        stdio: "inherit",
        env,
      },
    );
    return result.status ?? 1;
  } finally {
    await cleanup();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
