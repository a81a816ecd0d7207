import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function playwrightCacheChromium(): string | null {
  const cache =
    process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(os.homedir(), ".cache", "ms-playwright");
  if (!fs.existsSync(cache)) return null;
  for (const entry of fs.readdirSync(cache).sort().reverse()) {
    if (!entry.startsWith("chromium")) continue;
    for (const rel of [
      "chrome-linux64/chrome",
      "chrome-linux/chrome",
      "chrome-headless-shell-linux64/chrome-headless-shell",
    ]) {
      const candidate = path.join(cache, entry, rel);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return playwrightCacheChromium();
}

/**
 * A Chromium for the e2e tests: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's cache.
 * As root with apt, Debian's package is installed; otherwise the error says both ways to get one.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("[e2e] installing Debian's chromium (apt-get install chromium)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found for the e2e tests. Install Debian's package (sudo apt-get install chromium) " +
      "or Playwright's browser (npx playwright install chromium), or set CHROMIUM_PATH to a Chromium binary.",
  );
}
