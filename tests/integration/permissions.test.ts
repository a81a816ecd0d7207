import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { UserRole } from "@/db/schema/constants";
import { AppError } from "@/lib/errors";
import { ctxFor, makeUser } from "../factories";
import { serviceCalls } from "./service-calls";
import { useTestDatabase } from "./test-db";

const matrix = JSON.parse(fs.readFileSync("tests/fixtures/permissions-matrix.json", "utf8")) as {
  roles: UserRole[];
  calls: Record<string, UserRole[]>;
};

async function snapshot(db: Db) {
  const result = await db.execute(sql`select
    (select count(*) from users)::int as users,
    (select coalesce(sum(session_version + version), 0) from users)::int as user_state,
    (select count(*) from users where disabled_at is null)::int as active,
    (select count(*) from audit_events)::int as audit,
    (select count(*) from articles)::int as articles,
    (select coalesce(sum(version), 0) from articles)::int as article_state,
    (select count(*) from claims)::int as claims,
    (select coalesce(sum(version), 0) from claims)::int as claim_state,
    (select count(*) from sources)::int + (select coalesce(sum(version), 0) from sources)::int as source_state,
    (select count(*) from verdicts)::int + (select coalesce(sum(version), 0) from verdicts)::int as verdict_state,
    (select count(*) from comments)::int as comments,
    (select count(*) + coalesce(sum(version), 0) from claim_matches)::int as match_state,
    (select count(*) + coalesce(sum(version), 0) from tracked_claims)::int as tracked_state,
    (select count(*) from report_publications where revoked_at is null)::int as live_reports,
    (select count(*) from corrections)::int as corrections`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    number
  >[];
  return rows[0];
}

describe("permissions matrix", () => {
  const db = useTestDatabase();

  it("covers every service call it names", () => {
    expect(Object.keys(serviceCalls).sort()).toEqual(Object.keys(matrix.calls).sort());
  });

  for (const [name, allowed] of Object.entries(matrix.calls)) {
    for (const role of matrix.roles) {
      const may = allowed.includes(role);
      it(`${name} by ${role}: ${may ? "allowed" : "refused, nothing changes"}`, async () => {
        const actor = await makeUser(db.current.db, { role });
        const ctx = ctxFor(db.current.db, actor);
        const call = serviceCalls[name];
        if (!call) throw new Error(`no call for ${name}`);
        const input = (await call.prepare?.(db.current.db)) ?? {};
        if (may) {
          await call.invoke(ctx, input);
          return;
        }
        const before = await snapshot(db.current.db);
        const error = await call.invoke(ctx, input).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("forbidden");
        expect(await snapshot(db.current.db)).toEqual(before);
      });
    }
  }
});
