import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// What a production build is made from: if any of it changed since the last build, build again.
const INPUTS = [
  "app",
  "lib",
  "db/schema",
  "db/client.ts",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
];
const SKIP = new Set(["node_modules", ".next", ".data", "model"]);

function walk(target: string, hash: ReturnType<typeof createHash>): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) {
      if (!SKIP.has(entry)) walk(path.join(target, entry), hash);
    }
    return;
  }
  hash.update(target);
  hash.update(fs.readFileSync(target));
}

export function sourceStamp(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) walk(path.join(root, input), hash);
  return hash.digest("hex");
}

const STAMP_FILE = "claimtrack-source-stamp";

export function isBuildCurrent(root: string): boolean {
  const dist = path.join(root, ".next");
  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) return false;
  try {
    return fs.readFileSync(path.join(dist, STAMP_FILE), "utf8") === sourceStamp(root);
  } catch {
    return false;
  }
}

export function writeBuildStamp(root: string): void {
  fs.writeFileSync(path.join(root, ".next", STAMP_FILE), sourceStamp(root));
}
