import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The layer rules in biome.json (noRestrictedImports in `overrides`) and lint/service-transaction.grit,
 * proved on deliberate violations: each file below is written into a scratch project that has this
 * repository's Biome configuration, and Biome must refuse it with the rule's message. The real tree
 * must pass the same rules.
 */

const root = path.resolve(__dirname, "../../..");
const biome = path.join(root, "node_modules", ".bin", "biome");
const run = promisify(execFile);

interface Diagnostic {
  severity: string;
  category: string;
  message: string;
  location: { path: string };
}

async function lint(
  cwd: string,
  targets: string[],
): Promise<{ code: number; found: Diagnostic[] }> {
  try {
    const { stdout } = await run(biome, ["lint", "--reporter=json", "--colors=off", ...targets], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, found: JSON.parse(stdout).diagnostics };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? 1, found: JSON.parse(failed.stdout ?? "{}").diagnostics ?? [] };
  }
}

const APP = "lib/ does not import from app/";
const PURE = "lib/claims, lib/reports and lib/search are pure";
const AUTH = "lib/auth sits below the services";
const TX = "A service opens a transaction only after requirePermission";

/** Each violation, the file it is written to, and the rule's message. */
const violations: { name: string; file: string; source: string; message: string }[] = [
  {
    name: "lib/ importing app/",
    file: "lib/csv-bad.ts",
    source: 'import { x } from "@/app/page";\nexport const y = x;\n',
    message: APP,
  },
  {
    name: "lib/claims importing the database",
    file: "lib/claims/bad-db.ts",
    source: 'import { getDb } from "@/db/client";\nexport const y = getDb;\n',
    message: PURE,
  },
  {
    name: "lib/claims importing node:fs",
    file: "lib/claims/bad-fs.ts",
    source: 'import fs from "node:fs";\nexport const y = fs;\n',
    message: PURE,
  },
  {
    name: "lib/reports importing node:net",
    file: "lib/reports/bad-net.ts",
    source: 'import net from "node:net";\nexport const y = net;\n',
    message: PURE,
  },
  {
    name: "lib/reports importing a service",
    file: "lib/reports/bad-service.ts",
    source:
      'import { listUsers } from "@/lib/services/users/list-users";\nexport const y = listUsers;\n',
    message: PURE,
  },
  {
    name: "lib/claims importing next",
    file: "lib/claims/bad-next.ts",
    source: 'import { headers } from "next/headers";\nexport const y = headers;\n',
    message: PURE,
  },
  {
    name: "lib/reports importing app/",
    file: "lib/reports/bad-app.ts",
    source: 'import { x } from "@/app/page";\nexport const y = x;\n',
    message: APP,
  },
  {
    name: "lib/auth importing a service",
    file: "lib/auth/bad-service.ts",
    source: 'import { recordAudit } from "@/lib/services/audit";\nexport const y = recordAudit;\n',
    message: AUTH,
  },
  {
    name: "lib/auth importing app/",
    file: "lib/auth/bad-app.ts",
    source: 'import { x } from "@/app/page";\nexport const y = x;\n',
    message: APP,
  },
  {
    name: "a service's transaction without requirePermission",
    file: "lib/services/bad/no-permission.ts",
    source: `export async function change(ctx: Ctx, input: unknown): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, { action: "x", input });
  });
}
`,
    message: TX,
  },
  {
    name: "a service's transaction without an audit write",
    file: "lib/services/bad/no-audit.ts",
    source: `export async function change(ctx: Ctx) {
  requirePermission(ctx.actor, "claims.edit");
  return ctx.db.transaction((tx) => tx.update(claims).set({ text: "x" }));
}
`,
    message: TX,
  },
];

/** What the rules allow, so that they are not simply refusing everything. */
const allowed: { file: string; source: string }[] = [
  {
    file: "lib/claims/ok-constants.ts",
    source: 'import { USER_ROLES } from "@/db/schema/constants";\nexport const y = USER_ROLES;\n',
  },
  {
    file: "lib/auth/ok-db.ts",
    source: 'import { users } from "@/db/schema";\nexport const y = users;\n',
  },
  {
    file: "lib/services/ok/change.ts",
    source: `export async function change(ctx: Ctx) {
  requirePermission(ctx.actor, "claims.edit");
  return ctx.db.transaction(async (tx) => {
    await auditClaimChange(tx, ctx.actor.id);
  });
}
`,
  },
];

let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrack-layers-"));
  const config = JSON.parse(fs.readFileSync(path.join(root, "biome.json"), "utf8"));
  // The scratch project is no git checkout, and has no node_modules for the schema.
  config.vcs = { enabled: false };
  delete config.$schema;
  fs.writeFileSync(path.join(scratch, "biome.json"), JSON.stringify(config));
  fs.mkdirSync(path.join(scratch, "lint"));
  fs.copyFileSync(
    path.join(root, "lint", "service-transaction.grit"),
    path.join(scratch, "lint", "service-transaction.grit"),
  );
  for (const { file, source } of [...violations, ...allowed]) {
    fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    fs.writeFileSync(path.join(scratch, file), source);
  }
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("the layer rules", () => {
  for (const violation of violations) {
    it(`refuse ${violation.name}`, async () => {
      const { code, found } = await lint(scratch, [violation.file]);
      expect(code).not.toBe(0);
      expect(found.map((d) => d.message)).toContainEqual(
        expect.stringContaining(violation.message),
      );
    });
  }

  it("let through what the layers allow", async () => {
    const { code, found } = await lint(
      scratch,
      allowed.map((a) => a.file),
    );
    expect(found.filter((d) => d.category !== "format")).toEqual([]);
    expect(code).toBe(0);
  });

  it("pass on the tree as it is", async () => {
    const { code, found } = await lint(root, ["lib", "app", "db"]);
    expect(found.filter((d) => d.severity === "error")).toEqual([]);
    expect(code).toBe(0);
  }, 120_000);
});
