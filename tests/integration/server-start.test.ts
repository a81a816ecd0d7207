import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Starts `npm start`'s entry point with the given settings and waits for it to exit. */
function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/server/start.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-start-"));

function expectOneLineFailure(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("server start refuses bad settings with one clear line and exit 1", () => {
  it("a malformed DATABASE_URL", async () => {
    expectOneLineFailure(
      await start({ DATABASE_URL: "mysql://db/x", PORT: "3990" }),
      /^claimtrack: Setting DATABASE_URL is invalid: expected a URL like postgres:/,
    );
  });

  it("a wrong PORT", async () => {
    expectOneLineFailure(
      await start({ PORT: "http" }),
      /^claimtrack: Setting PORT is invalid: expected a port number/,
    );
  });

  it("an AUTH_SECRET shorter than 32 characters", async () => {
    expectOneLineFailure(
      await start({ AUTH_SECRET: "too-short", PORT: "3990" }),
      /AUTH_SECRET is invalid: expected at least 32 characters/,
    );
  });

  it("DATABASE_URL without an AUTH_SECRET", async () => {
    expectOneLineFailure(
      await start({ DATABASE_URL: "postgres://u@127.0.0.1:5999/db", PORT: "3990" }),
      /AUTH_SECRET is required with DATABASE_URL/,
    );
  });

  it("more than one server process on the embedded database", async () => {
    expectOneLineFailure(
      await start({ WEB_CONCURRENCY: "2", PGLITE_DIR: path.join(tmp(), "pg"), PORT: "3990" }),
      /^claimtrack: Setting WEB_CONCURRENCY above 1 needs DATABASE_URL/,
    );
  });

  it("an unreachable DATABASE_URL, quickly rather than hanging", async () => {
    const started = Date.now();
    const result = await start({
      DATABASE_URL: "postgres://u@127.0.0.1:5999/db",
      AUTH_SECRET: "x".repeat(40),
      PORT: "3990",
    });
    expectOneLineFailure(
      result,
      /^claimtrack: cannot open the database at DATABASE_URL: .*ECONNREFUSED/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("a port in use", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(3991, resolve));
    try {
      expectOneLineFailure(
        await start({ PORT: "3991", PGLITE_DIR: path.join(tmp(), "pg") }),
        /^claimtrack: Port 3991 is already in use/,
      );
    } finally {
      server.close();
    }
  });

  it("a PGlite directory that cannot be written", async () => {
    const file = path.join(tmp(), "a-file");
    fs.writeFileSync(file, "");
    expectOneLineFailure(
      await start({ PGLITE_DIR: path.join(file, "pglite"), PORT: "3990" }),
      /^claimtrack: PGLITE_DIR .* is not writable/,
    );
  });

  it("a PGlite directory in use by another process", async () => {
    const dir = path.join(tmp(), "pglite");
    fs.mkdirSync(dir, { recursive: true });
    // This test process stands in for a running server holding the directory.
    fs.writeFileSync(path.join(dir, "claimtrack.lock"), String(process.pid));
    expectOneLineFailure(
      await start({ PGLITE_DIR: dir, PORT: "3990" }),
      /^claimtrack: The database directory .* is in use by another Claimtrack process \(pid \d+\)/,
    );
  });
});
