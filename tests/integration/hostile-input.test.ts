import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { UserRole } from "@/db/schema/constants";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { listArticles } from "@/lib/services/articles/list-articles";
import { listClaims } from "@/lib/services/claim-list/list-claims";
import type { Ctx } from "@/lib/services/context";
import { getPublishedReport } from "@/lib/services/reports/get-published-report";
import { createUser } from "@/lib/services/users/create-user";
import { checkSetPasswordToken, setPasswordWithToken } from "@/lib/services/users/set-password";
import { authenticate, InvalidCredentialsError } from "@/lib/services/users/sign-in";
import { getBulkAssignOptions } from "@/lib/services/workflow/bulk-assign-options";
import { ARTICLE_SORTS } from "@/lib/validation/articles";
import { CLAIM_SORTS } from "@/lib/validation/dashboard";
import { ctxFor, makeUser } from "../factories";
import matrix from "../fixtures/permissions-matrix.json";
import { hostileString, hostileUnit, hostileValue } from "../support/hostile-input";
import { type ServiceCall, serviceCalls } from "./service-calls";
import { useTestDatabase } from "./test-db";

/**
 * Every service verb an action, route handler or page calls, given arbitrary input by a role that
 * may call it, on fresh data of its own: the answer is a result or a typed refusal (AppError),
 * never an internal error such as PostgreSQL refusing a NUL or a cast. Server actions are parse →
 * one service call, so this is what a malformed action payload reaches.
 */

// The keys every schema in lib/validation reads, so a field added there is fuzzed here too.
const modules = import.meta.glob<Record<string, unknown>>("../../lib/validation/*.ts", {
  eager: true,
});
function keysOf(json: unknown): string[] {
  if (!json || typeof json !== "object") return [];
  const node = json as { properties?: Record<string, unknown> };
  return [
    ...Object.keys(node.properties ?? {}),
    ...Object.values(json).flatMap((child) => (typeof child === "object" ? keysOf(child) : [])),
  ];
}
const SCHEMA_KEYS = [
  ...new Set(
    Object.values(modules)
      .flatMap((exports) => Object.values(exports))
      .filter((value): value is z.ZodType => value instanceof z.ZodType)
      .flatMap((schema) => keysOf(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }))),
  ),
].sort();

const FILLER =
  "The ministry said 2,500 troops arrived on 6 January 2022 and left within two weeks of that.";

type Change =
  | { kind: "drop" }
  | { kind: "set"; value: unknown }
  | { kind: "insert"; at: number; unit: string };

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: "drop" as const }) },
  { weight: 2, arbitrary: hostileValue.map((value) => ({ kind: "set" as const, value })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ at: fc.nat({ max: 120 }), unit: hostileUnit })
      .map((c) => ({ kind: "insert" as const, ...c })),
  },
);

/** A keyset cursor that decodes: the shape the services accept, with hostile values in it. */
const cursor = fc
  .array(fc.oneof(hostileString, fc.uuid(), fc.integer(), fc.constant("2026-01-01T00:00:00Z")), {
    minLength: 2,
    maxLength: 4,
  })
  .map((values) => Buffer.from(JSON.stringify(values), "utf8").toString("base64url"));

/** The value once in `odds` runs, null otherwise. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: odds - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

const plan = fc.record({
  whole: rarely(hostileValue, 8),
  /** Changes to the fields the call prepared (its ids and its text), picked by position. */
  targets: fc.array(fc.record({ pick: fc.nat(), change }), { minLength: 1, maxLength: 3 }),
  /** Changes to any field a schema reads, present in the prepared input or not. */
  changes: fc.dictionary(fc.constantFrom(...SCHEMA_KEYS), change, { maxKeys: 3 }),
  values: rarely(fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }), 4),
  after: rarely(cursor, 3),
});
type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

/** The well-formed input the call prepared, changed as the plan says. */
function apply(prepared: Record<string, unknown>, p: Plan): Record<string, unknown> {
  if (p.whole !== null) {
    if (typeof p.whole === "object") return p.whole as Record<string, unknown>;
    // Some calls read a field of their input (a page's params): every field is the value then.
    // A null or primitive payload as a whole is the schema's to refuse (tests/unit/validation).
    const value = p.whole;
    return new Proxy({}, { get: () => value, has: () => true });
  }
  const input: Record<string, unknown> = { ...prepared };
  const names = Object.keys(prepared);
  const picked = names.length
    ? p.targets.map(({ pick, change }) => [names[pick % names.length] as string, change] as const)
    : [];
  for (const [key, c] of [...picked, ...Object.entries(p.changes)]) {
    if (c.kind === "drop") delete input[key];
    else if (c.kind === "set") input[key] = c.value;
    else {
      const base = typeof input[key] === "string" ? (input[key] as string) : FILLER;
      const at = Math.min(c.at, base.length);
      input[key] = base.slice(0, at) + c.unit + base.slice(at);
    }
  }
  if (p.values !== null) input.values = p.values;
  if (p.after !== null) input.after = p.after;
  return input;
}

async function adminCtx(db: Db): Promise<Ctx> {
  return ctxFor(db, await makeUser(db, { role: "admin" }));
}

/** Entry points outside the matrix that take input from anyone: sign-in, links, public reports. */
const publicCalls: Record<string, ServiceCall & { role?: undefined }> = {
  "auth.signIn": {
    prepare: async (db) => {
      const user = await makeUser(db);
      return { email: user.email, password: "factory-password-1" };
    },
    invoke: (ctx, input) => authenticate(ctx.db as Db, input, `fuzz-${crypto.randomUUID()}`),
  },
  "users.setPassword": {
    prepare: async (db) => {
      const created = await createUser(await adminCtx(db), {
        email: `link-${crypto.randomUUID()}@example.test`,
        name: "Link Person",
        role: "reviewer",
        credential: "set_password_link",
      });
      const password = "a-long-enough-password";
      return { token: created.setPasswordToken, password, confirm: password };
    },
    invoke: (ctx, input) => setPasswordWithToken(ctx.db as Db, input as never),
  },
  "users.checkToken": {
    invoke: (ctx, input) => checkSetPasswordToken(ctx.db as Db, String(input.token ?? "")),
  },
  "reports.public": {
    invoke: (ctx, input) => getPublishedReport(ctx.db, input.token as never),
  },
};

const roles = matrix.calls as Record<string, UserRole[]>;
const CALLS = Object.entries({ ...serviceCalls, ...publicCalls }).map(([name, call]) => ({
  name,
  call,
  role: roles[name]?.at(-1) ?? "reviewer",
}));

// Extraction makes an import slower than the rest; argon2 makes sign-in and links slower.
const RUNS: Record<string, number> = {
  "articles.import": 15,
  "auth.signIn": 12,
  "users.setPassword": 12,
  "users.create": 20,
};

describe("service verbs against arbitrary input", () => {
  const db = useTestDatabase();

  it("fuzzes the keys of every schema", () => {
    expect(SCHEMA_KEYS).toEqual(expect.arrayContaining(["title", "body", "reason", "values"]));
  });

  it.each(CALLS)("$name answers a result or a typed refusal", async ({ name, call, role }) => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(plan, async (p) => {
        const actor = await makeUser(db.current.db, { role });
        const ctx = ctxFor(db.current.db, actor);
        const prepared = (await call.prepare?.(db.current.db)) ?? {};
        const input = apply(prepared, p);
        try {
          await call.invoke(ctx, input);
        } catch (error) {
          if (error instanceof AppError || error instanceof InvalidCredentialsError) return;
          failures.push(`${name}: ${String(error)} for ${JSON.stringify(input)?.slice(0, 300)}`);
          throw error;
        }
      }),
      { numRuns: RUNS[name] ?? 30 },
    );
    expect(failures).toEqual([]);
  });
});

describe("hand-edited cursors and ids", () => {
  const db = useTestDatabase();
  const encode = (values: unknown[]) =>
    Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
  const id = "7b0c5a4e-3f5e-4c1a-9a57-0d2f1c1e2b3a";

  it.each(ARTICLE_SORTS)(
    "an article cursor that does not fit the %s sort starts again",
    async (sort) => {
      const ctx = await adminCtx(db.current.db);
      const first = await listArticles(ctx, { sort });
      for (const key of ["garbage", "2026-02-30", "2026-13-01 00:00:00+00", "a\u0000b", ""]) {
        const page = await listArticles(ctx, { sort, after: encode([key, id]) });
        expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      }
    },
  );

  it.each(CLAIM_SORTS)(
    "a claim cursor that does not fit the %s sort starts again",
    async (sort) => {
      const ctx = await adminCtx(db.current.db);
      const first = await listClaims(ctx, { sort });
      for (const values of [
        ["", ""],
        [id, id],
        ["2026-01-01T00:00:00.000Z", "x"],
        [1, id, 1, id],
        ["2026-01-01T00:00:00.000Z", id, 1.5, id],
      ]) {
        const page = await listClaims(ctx, { sort, after: encode(values) });
        expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      }
    },
  );

  it("the bulk-assign options of a malformed article id are not found", async () => {
    const ctx = await adminCtx(db.current.db);
    await expect(getBulkAssignOptions(ctx, "garbage")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a search with a line break or a NUL is a validation error under the search field", async () => {
    const ctx = await adminCtx(db.current.db);
    for (const q of ["two\nlines", "nul\u0000"]) {
      const error = await listArticles(ctx, { q }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.q).toHaveLength(1);
    }
  });
});
