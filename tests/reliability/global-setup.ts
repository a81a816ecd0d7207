import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { isBuildCurrent, writeBuildStamp } from "@/lib/server/build-stamp";
import { createTemplate } from "./support/cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** A fresh cluster's data directory (initdb once per run), copied by each test's cluster. */
    reliabilityTemplate: string;
  }
}

/*
 * Once per run: the production build must be current, so that no app the tests start builds by
 * itself (after the e2e step of `npm test` it is, and this costs nothing), and one initdb makes
 * the data directory each test's own cluster is copied from. Last run's figures are cleared.
 */
export default function setup(project: TestProject) {
  const root = process.cwd();
  fs.rmSync(path.join(root, "test-results", "reliability-figures.json"), { force: true });
  const template = createTemplate();
  project.provide("reliabilityTemplate", template.data);
  try {
    buildIfStale(root);
  } catch (error) {
    template.remove();
    throw error;
  }
  return () => template.remove();
}

function buildIfStale(root: string) {
  if (isBuildCurrent(root)) return;
  console.log("[reliability] building the app for production…");
  const build = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "build"],
    { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (build.status !== 0) throw new Error("the production build failed (see the output above)");
  writeBuildStamp(root);
}
