import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { UserRole } from "@/db/schema/constants";
import { AppError } from "@/lib/errors";
import { deleteArticle } from "@/lib/services/articles/delete-article";
import { getArticleView, listArticleHistory } from "@/lib/services/articles/get-article";
import { importArticle } from "@/lib/services/articles/import-article";
import { listArticles } from "@/lib/services/articles/list-articles";
import { updateArticleMeta } from "@/lib/services/articles/update-article";
import { exportClaimsCsv } from "@/lib/services/claim-list/export-claims";
import { listClaims } from "@/lib/services/claim-list/list-claims";
import { addManualClaim } from "@/lib/services/claims/add-claim";
import { dismissClaim, restoreClaim } from "@/lib/services/claims/dismiss-claim";
import { mergeClaims } from "@/lib/services/claims/merge-claims";
import { splitClaim } from "@/lib/services/claims/split-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import type { Ctx } from "@/lib/services/context";
import { getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { getReport } from "@/lib/services/reports/get-report";
import { publishReport } from "@/lib/services/reports/publish-report";
import { revokeReport } from "@/lib/services/reports/revoke-report";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { signOutEverywhere } from "@/lib/services/users/sign-out-everywhere";
import { changeUserRole, disableUser, enableUser } from "@/lib/services/users/update-user";
import { ctxFor, makeArticle, makeUser } from "../factories";
import { makeArticleWithClaims, spanOf } from "../factories/articles";
import { makeReportArticle, setClaimStatus } from "../factories/reports";
import { workflowCalls } from "./permission-calls-workflow";
import { useTestDatabase } from "./test-db";

const matrix = JSON.parse(fs.readFileSync("tests/fixtures/permissions-matrix.json", "utf8")) as {
  roles: UserRole[];
  calls: Record<string, UserRole[]>;
};

interface Call {
  /** Makes the call's own data, before the state is recorded. */
  prepare?: (db: Db) => Promise<Record<string, unknown>>;
  invoke: (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;
}

/** Each call gets fresh data of its own, so the cases run alone and in any order. */
const calls: Record<string, Call> = {
  "users.list": { invoke: (ctx) => listUsers(ctx) },
  "users.create": {
    invoke: (ctx) =>
      createUser(ctx, {
        email: `new-${crypto.randomUUID()}@example.test`,
        name: "New Person",
        role: "reviewer",
      }),
  },
  "users.changeRole": {
    prepare: async (db) => {
      const target = await makeUser(db);
      return { userId: target.id, role: "editor", version: target.version };
    },
    invoke: (ctx, input) => changeUserRole(ctx, input),
  },
  "users.disable": {
    prepare: async (db) => {
      const target = await makeUser(db);
      return { userId: target.id, version: target.version };
    },
    invoke: (ctx, input) => disableUser(ctx, input),
  },
  "users.enable": {
    prepare: async (db) => {
      const target = await makeUser(db, { disabled: true });
      return { userId: target.id, version: target.version };
    },
    invoke: (ctx, input) => enableUser(ctx, input),
  },
  "account.signOutEverywhere": { invoke: (ctx) => signOutEverywhere(ctx) },
  "articles.list": { invoke: (ctx) => listArticles(ctx, {}) },
  "articles.import": {
    invoke: (ctx) =>
      importArticle(ctx, { title: "Imported", text: `Text ${crypto.randomUUID()}: 12 ships.` }),
  },
  "articles.view": {
    prepare: async (db) => ({ articleId: (await makeArticle(db)).id }),
    invoke: (ctx, input) => getArticleView(ctx, input.articleId),
  },
  "articles.history": {
    prepare: async (db) => ({ articleId: (await makeArticle(db)).id }),
    invoke: (ctx, input) => listArticleHistory(ctx, input.articleId),
  },
  "articles.updateMeta": {
    prepare: async (db) => ({ articleId: (await makeArticle(db)).id, version: 1, title: "New" }),
    invoke: (ctx, input) => updateArticleMeta(ctx, input),
  },
  "articles.delete": {
    prepare: async (db) => ({ articleId: (await makeArticle(db)).id, version: 1 }),
    invoke: (ctx, input) => deleteArticle(ctx, input),
  },
  "claims.add": {
    prepare: async (db) => {
      const { article } = await makeArticleWithClaims(db, []);
      return { articleId: article.id, ...spanOf(article.body, "2,500 troops"), kind: "quantity" };
    },
    invoke: (ctx, input) => addManualClaim(ctx, input),
  },
  "claims.update": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"]);
      return { claimId: claims[0]?.id, version: 1, kind: "quantity" };
    },
    invoke: (ctx, input) => updateClaim(ctx, input),
  },
  "claims.split": {
    prepare: async (db) => {
      const { article, claims } = await makeArticleWithClaims(db, ["2,500 troops arrived"]);
      return { claimId: claims[0]?.id, version: 1, at: article.body.indexOf(" troops") };
    },
    invoke: (ctx, input) => splitClaim(ctx, input),
  },
  "claims.merge": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops", "They left"]);
      return { claimId: claims[0]?.id, version: 1, otherId: claims[1]?.id, otherVersion: 1 };
    },
    invoke: (ctx, input) => mergeClaims(ctx, input),
  },
  "claims.dismiss": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"]);
      return { claimId: claims[0]?.id, version: 1, reason: "opinion" };
    },
    invoke: (ctx, input) => dismissClaim(ctx, input),
  },
  "claims.restore": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"], {
        status: "dismissed",
        dismissReason: "opinion",
      });
      return { claimId: claims[0]?.id, version: 1 };
    },
    invoke: (ctx, input) => restoreClaim(ctx, input),
  },
  ...workflowCalls,
  "dashboard.get": { invoke: (ctx) => getDashboard(ctx, {}) },
  "claims.list": { invoke: (ctx) => listClaims(ctx, {}) },
  "claims.export": { invoke: async (ctx) => new Response(exportClaimsCsv(ctx, {})).text() },
  "reports.get": {
    prepare: async (db) => ({ articleId: (await makeReportArticle(db)).article.id }),
    invoke: (ctx, input) => getReport(ctx, input, { baseUrl: "https://desk.example" }),
  },
  "reports.publish": {
    prepare: async (db) => {
      const { article, opinion } = await makeReportArticle(db);
      if (opinion) await setClaimStatus(db, opinion.id, "dismissed");
      return { articleId: article.id };
    },
    invoke: (ctx, input) => publishReport(ctx, input, { baseUrl: "https://desk.example" }),
  },
  "reports.revoke": {
    prepare: async (db) => {
      const { article, opinion, approver } = await makeReportArticle(db);
      if (opinion) await setClaimStatus(db, opinion.id, "dismissed");
      await publishReport(
        ctxFor(db, approver),
        { articleId: article.id },
        {
          baseUrl: "https://desk.example",
        },
      );
      return { articleId: article.id };
    },
    invoke: (ctx, input) => revokeReport(ctx, input),
  },
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
    expect(Object.keys(calls).sort()).toEqual(Object.keys(matrix.calls).sort());
  });

  for (const [name, allowed] of Object.entries(matrix.calls)) {
    for (const role of matrix.roles) {
      const may = allowed.includes(role);
      it(`${name} by ${role}: ${may ? "allowed" : "refused, nothing changes"}`, async () => {
        const actor = await makeUser(db.current.db, { role });
        const ctx = ctxFor(db.current.db, actor);
        const call = calls[name];
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
