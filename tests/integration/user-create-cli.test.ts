import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { authenticate } from "@/lib/services/users/sign-in";

function run(args: string[], stdin: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/user-create.ts", ...args], {
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.stdin.end(stdin);
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("npm run user:create", () => {
  it("creates a user with the password from standard input, and refuses a duplicate or a short password", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-cli-")), "pglite");
    const env = { PGLITE_DIR: dir };
    const ok = await run(
      ["--email", "Chief@Newsroom.example", "--name", "Chief Editor", "--role", "admin"],
      "a long passphrase\n",
      env,
    );
    expect(ok.out).toContain("Created admin Chief@Newsroom.example");
    expect(ok.code).toBe(0);

    const dup = await run(
      ["--email", "chief@newsroom.example", "--name", "Again", "--role", "admin"],
      "another passphrase\n",
      env,
    );
    expect(dup.code).toBe(1);
    expect(dup.out).toContain("already exists");

    const short = await run(
      ["--email", "x@newsroom.example", "--name", "X", "--role", "reviewer"],
      "short\n",
      env,
    );
    expect(short.code).toBe(1);
    expect(short.out).toMatch(/password: Use at least 8 characters/);

    const bad = await run(
      ["--email", "x@newsroom.example", "--name", "X", "--role", "owner"],
      "long enough pw\n",
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("--role");

    const database = openDatabase({ dataDir: dir });
    try {
      const user = await authenticate(
        database.db,
        { email: "chief@newsroom.example", password: "a long passphrase" },
        "cli-test",
      );
      expect(user.role).toBe("admin");
    } finally {
      await database.close();
    }
    // Five command-line runs, each starting tsx and opening PGlite: on a loaded two-core machine
    // that took over a minute once.
  }, 240_000);
});
