import { spawnSync } from "node:child_process";
import path from "node:path";
import { isBuildCurrent, writeBuildStamp } from "@/lib/server/build-stamp";
import { postgresBin } from "./support/cluster";

/*
 * Once per run: PostgreSQL's server programs must be there (each test makes its own cluster), and
 * the production build must be current, so that no app the tests start builds by itself. After
 * the e2e step of `npm test` the build is current already and this costs nothing.
 */
export default function setup() {
  postgresBin();
  const root = process.cwd();
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
