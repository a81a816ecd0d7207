/** Every service call of the permissions matrix, each making fresh data of its own. */
import type { Db } from "@/db/client";
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
import { setRecheck } from "@/lib/services/claims/set-recheck";
import { splitClaim } from "@/lib/services/claims/split-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import type { Ctx } from "@/lib/services/context";
import { getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { findMatches } from "@/lib/services/matching/find-matches";
import { rematchClaim } from "@/lib/services/matching/rematch-claim";
import { getReport } from "@/lib/services/reports/get-report";
import { publishReport } from "@/lib/services/reports/publish-report";
import { revokeReport } from "@/lib/services/reports/revoke-report";
import { searchAll } from "@/lib/services/search/search-all";
import { getSearchOptions } from "@/lib/services/search/search-options";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { signOutEverywhere } from "@/lib/services/users/sign-out-everywhere";
import { changeUserRole, disableUser, enableUser } from "@/lib/services/users/update-user";
import { ctxFor, makeArticle, makeUser } from "../factories";
import { makeArticleWithClaims, spanOf } from "../factories/articles";
import { makeReportArticle, setClaimStatus } from "../factories/reports";
import { trackingCalls } from "./permission-calls-tracking";
import { sent, workflowCalls } from "./permission-calls-workflow";

export interface ServiceCall {
  /** Makes the call's own data, before the state is recorded. */
  prepare?: (db: Db) => Promise<Record<string, unknown>>;
  invoke: (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;
}

/** Each call gets fresh data of its own, so the cases run alone and in any order. */
export const serviceCalls: Record<string, ServiceCall> = {
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
    invoke: (ctx, input) => changeUserRole(ctx, input as never),
  },
  "users.disable": {
    prepare: async (db) => {
      const target = await makeUser(db);
      return { userId: target.id, version: target.version };
    },
    invoke: (ctx, input) => disableUser(ctx, input as never),
  },
  "users.enable": {
    prepare: async (db) => {
      const target = await makeUser(db, { disabled: true });
      return { userId: target.id, version: target.version };
    },
    invoke: (ctx, input) => enableUser(ctx, input as never),
  },
  "account.signOutEverywhere": { invoke: (ctx) => signOutEverywhere(ctx) },
  "articles.list": { invoke: (ctx, input) => listArticles(ctx, input as never) },
  "articles.import": {
    invoke: (ctx) =>
      importArticle(ctx, { title: "Imported", text: `Text ${crypto.randomUUID()}: 12 ships.` }),
  },
  "articles.view": {
    prepare: async (db) => ({ articleId: (await makeArticle(db)).id }),
    invoke: (ctx, input) => getArticleView(ctx, input.articleId as never),
  },
  "articles.history": {
    prepare: async (db) => ({ articleId: (await makeArticle(db)).id }),
    invoke: (ctx, input) => listArticleHistory(ctx, input.articleId as never),
  },
  "articles.updateMeta": {
    prepare: async (db) => ({ articleId: (await makeArticle(db)).id, version: 1, title: "New" }),
    invoke: (ctx, input) => updateArticleMeta(ctx, input as never),
  },
  "articles.delete": {
    prepare: async (db) => ({ articleId: (await makeArticle(db)).id, version: 1 }),
    invoke: (ctx, input) => deleteArticle(ctx, input as never),
  },
  "claims.add": {
    prepare: async (db) => {
      const { article } = await makeArticleWithClaims(db, []);
      return { articleId: article.id, ...spanOf(article.body, "2,500 troops"), kind: "quantity" };
    },
    invoke: (ctx, input) => addManualClaim(ctx, sent(input)),
  },
  "claims.update": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"]);
      return { claimId: claims[0]?.id, version: 1, kind: "quantity" };
    },
    invoke: (ctx, input) => updateClaim(ctx, sent(input)),
  },
  "claims.split": {
    prepare: async (db) => {
      const { article, claims } = await makeArticleWithClaims(db, ["2,500 troops arrived"]);
      return { claimId: claims[0]?.id, version: 1, at: article.body.indexOf(" troops") };
    },
    invoke: (ctx, input) => splitClaim(ctx, sent(input)),
  },
  "claims.merge": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops", "They left"]);
      return { claimId: claims[0]?.id, version: 1, otherId: claims[1]?.id, otherVersion: 1 };
    },
    invoke: (ctx, input) => mergeClaims(ctx, sent(input)),
  },
  "claims.dismiss": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"]);
      return { claimId: claims[0]?.id, version: 1, reason: "opinion" };
    },
    invoke: (ctx, input) => dismissClaim(ctx, sent(input)),
  },
  "claims.restore": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"], {
        status: "dismissed",
        dismissReason: "opinion",
      });
      return { claimId: claims[0]?.id, version: 1 };
    },
    invoke: (ctx, input) => restoreClaim(ctx, sent(input)),
  },
  "claims.setRecheck": {
    // An approved claim nobody holds: where a re-check date matters, open to every role.
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"], { status: "approved" });
      return { claimId: claims[0]?.id, version: 1, recheckOn: "2027-03-01", reason: "Figure" };
    },
    invoke: (ctx, input) => setRecheck(ctx, sent(input)),
  },
  "matching.find": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"]);
      return { claimId: claims[0]?.id };
    },
    invoke: (ctx, input) => findMatches(ctx, sent(input)),
  },
  "matching.rematch": {
    prepare: async (db) => {
      const { claims } = await makeArticleWithClaims(db, ["2,500 troops"]);
      return { claimId: claims[0]?.id };
    },
    invoke: (ctx, input) => rematchClaim(ctx, sent(input)),
  },
  ...workflowCalls,
  ...trackingCalls,
  "dashboard.get": { invoke: (ctx, input) => getDashboard(ctx, input as never) },
  "claims.list": { invoke: (ctx, input) => listClaims(ctx, input as never) },
  "search.query": {
    prepare: async (db) => {
      const article = await makeArticle(db);
      return { q: article.title };
    },
    invoke: (ctx, input) => searchAll(ctx, input as never),
  },
  "search.options": { invoke: (ctx) => getSearchOptions(ctx) },
  "claims.export": {
    invoke: async (ctx, input) => new Response(exportClaimsCsv(ctx, input)).text(),
  },
  "reports.get": {
    prepare: async (db) => ({ articleId: (await makeReportArticle(db)).article.id }),
    invoke: (ctx, input) => getReport(ctx, input as never, { baseUrl: "https://desk.example" }),
  },
  "reports.publish": {
    prepare: async (db) => {
      const { article, opinion } = await makeReportArticle(db);
      if (opinion) await setClaimStatus(db, opinion.id, "dismissed");
      return { articleId: article.id };
    },
    invoke: (ctx, input) => publishReport(ctx, input as never, { baseUrl: "https://desk.example" }),
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
    invoke: (ctx, input) => revokeReport(ctx, input as never),
  },
};
