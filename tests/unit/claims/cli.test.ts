import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runClaimsCli } from "@/lib/cli/claims";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "claims-cli-"));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("claims CLI", () => {
  it("prints the claims of a UTF-8 file as JSON", () => {
    const path = file("ok.txt", "Troops numbering around 2,500 personnel were sent to Almaty.\n");
    const result = runClaimsCli([path]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const output = JSON.parse(result.stdout) as {
      claims: Array<{ kind: string; values: unknown }>;
    };
    expect(output.claims).toHaveLength(1);
    expect(output.claims[0]?.kind).toBe("quantity");
  });

  it("resolves dates with --published and flags --approximate", () => {
    const path = file("date.txt", "The withdrawal is slated to be completed by 19 January.");
    const result = runClaimsCli([path, "--published", "2022-01-15", "--approximate"]);
    const output = JSON.parse(result.stdout) as { claims: Array<{ values: unknown }> };
    expect(output.claims[0]?.values).toEqual({
      date: "2022-01-19",
      yearInferred: true,
      approximateReference: true,
    });
  });

  it.each([
    ["a missing file", () => join(dir, "nope.txt"), /^claims: file not found: .*nope\.txt\n$/],
    [
      "invalid UTF-8",
      () => file("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])),
      /^claims: .* is not valid UTF-8 text\n$/,
    ],
    [
      "a binary file",
      () => file("bin.dat", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41])),
      /^claims: .* is a binary file \(it contains NUL bytes\)\n$/,
    ],
    ["a directory", () => dir, /^claims: not a file: /],
  ])("exits 1 with one line on stderr for %s", (_label, makePath, message) => {
    const result = runClaimsCli([makePath()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("rejects a malformed --published date and a missing FILE argument", () => {
    const path = file("ok2.txt", "Some text.");
    expect(runClaimsCli([path, "--published", "15-01-2022"]).code).toBe(1);
    expect(runClaimsCli([path, "--published", "2022-02-30"]).stderr).toMatch(/YYYY-MM-DD/);
    expect(runClaimsCli([]).stderr).toMatch(/^claims: usage:/);
  });

  it("runs as a process: JSON on stdout, exit 1 and a message for a missing file", () => {
    const ok = spawnSync(
      "npx",
      [
        "tsx",
        "lib/cli/claims.ts",
        "db/demo/kazakhstan-csto/article.txt",
        "--published",
        "2022-01-15",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(ok.status).toBe(0);
    const output = JSON.parse(ok.stdout) as { claims: unknown[] };
    expect(output.claims.length).toBeGreaterThan(0);

    const missing = spawnSync("npx", ["tsx", "lib/cli/claims.ts", "no-such-file.txt"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe("claims: file not found: no-such-file.txt\n");
  }, 30_000);
});
