import { eq, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { type Article, auditEvents, type Claim, claims, type User, verdicts } from "@/db/schema";
import { FACTORY_PASSWORD, makeArticle, makeClaim, makeUser } from "../factories";
import { SAMPLE_BODY, spanOf } from "../factories/articles";
import { type App, startApp } from "./support/app";
import { type Cluster, createCluster, createEmptyDatabase } from "./support/cluster";
import { makePendingClaim, mapLimit } from "./support/data";
import { recordFigure } from "./support/figures";
import { type ActionResult, callAction, findAction, signIn } from "./support/http";

/*
 * Fifty people press a button on the same claim at the same moment, through the real server and
 * its connection pool: exactly one write wins, every other one is told the claim changed under
 * it (a conflict, not an error or a second write), and the history holds one row for the winner.
 */

const WRITERS = 50;
const CLAIM_ACTIONS = "app/(app)/articles/[articleId]/claims/[claimId]/actions.ts";
const ARTICLE_ACTIONS = "app/(app)/articles/[articleId]/actions.ts";

let cluster: Cluster | undefined;
let app: App | undefined;
let database: Database | undefined;
const reviewers: { user: User; cookie: string }[] = [];
const editors: { user: User; cookie: string }[] = [];

beforeAll(async () => {
  cluster = await createCluster(inject("reliabilityTemplate"));
  const url = await createEmptyDatabase(cluster, "claimtrack");
  app = await startApp({ databaseUrl: url });
  database = openDatabase({ url, max: 4 });
  const db = database.db;
  const people = [
    ...Array.from({ length: 6 }, () => ({ role: "reviewer" as const, list: reviewers })),
    ...Array.from({ length: 6 }, () => ({ role: "editor" as const, list: editors })),
  ];
  const base = app.url;
  await mapLimit(people, 4, async ({ role, list }) => {
    const user = await makeUser(db, { role });
    list.push({ user, cookie: await signIn(base, user.email, FACTORY_PASSWORD) });
  });
});

afterAll(async () => {
  await database?.close().catch(() => {});
  await app?.stop();
  cluster?.destroy();
});

interface Write {
  cookie: string;
  page: string;
  action: string;
  args: unknown[];
}

/** Sends all writes at once; returns each one's answer in order. */
async function race(writes: Write[]) {
  if (!app) throw new Error("no app");
  const base = app.url;
  const started = Date.now();
  const answers = await Promise.all(
    writes.map((w) => callAction(base, w.cookie, w.page, w.action, w.args)),
  );
  return { answers, ms: Date.now() - started };
}

async function historyOf(claimId: string) {
  if (!database) throw new Error("no database");
  return database.db
    .select({ action: auditEvents.action, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(or(eq(auditEvents.claimId, claimId), eq(auditEvents.entityId, claimId)));
}

async function readClaim(claimId: string): Promise<Claim> {
  if (!database) throw new Error("no database");
  const [row] = await database.db.select().from(claims).where(eq(claims.id, claimId));
  if (!row) throw new Error("claim gone");
  return row;
}

/** One winner, conflicts for all the others, nothing else (no 500, no refusal of another kind). */
function expectOneWinner(answers: { status: number; result: ActionResult | null }[]) {
  const outcomes = answers.map((a) =>
    a.result === null ? `http ${a.status}` : a.result.ok ? "ok" : a.result.code,
  );
  const tally: Record<string, number> = {};
  for (const o of outcomes) tally[o] = (tally[o] ?? 0) + 1;
  expect(tally).toEqual({ ok: 1, conflict: WRITERS - 1 });
  return outcomes.indexOf("ok");
}

function pick<T>(list: T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error("empty list");
  return item;
}

async function newArticle(): Promise<Article> {
  if (!database) throw new Error("no database");
  return makeArticle(database.db, { body: `${SAMPLE_BODY} Ref ${crypto.randomUUID()}.` });
}

describe(`${WRITERS} parallel conflicting writes on one claim`, () => {
  it("edit: one new version of the claim, the others conflict, one history row", async () => {
    if (!database) throw new Error("no database");
    const article = await newArticle();
    const claim = await makeClaim(database.db, article, spanOf(article.body, "2,500 troops"));
    const action = findAction(ARTICLE_ACTIONS, "updateClaimAction");
    const writers = [...reviewers, ...editors];
    const { answers, ms } = await race(
      Array.from({ length: WRITERS }, (_, i) => ({
        cookie: pick(writers, i).cookie,
        page: `/articles/${article.id}`,
        action,
        args: [{ claimId: claim.id, version: claim.version, values: { quantity: 3000 + i } }],
      })),
    );
    const winner = expectOneWinner(answers);
    const after = await readClaim(claim.id);
    expect(after.version).toBe(claim.version + 1);
    expect(after.values).toEqual({ quantity: 3000 + winner });
    const history = await historyOf(claim.id);
    expect(history).toHaveLength(1);
    expect(history[0]?.actorId).toBe(pick(writers, winner).user.id);
    recordFigure("conflicting writes: edit", `${WRITERS} in ${ms} ms`);
  });

  it("take: one reviewer holds the claim, the others conflict, one history row", async () => {
    if (!database) throw new Error("no database");
    const article = await newArticle();
    const claim = await makeClaim(database.db, article, spanOf(article.body, "19 January"));
    const action = findAction(CLAIM_ACTIONS, "takeClaimAction");
    const where = { articleId: article.id, claimId: claim.id };
    const { answers, ms } = await race(
      Array.from({ length: WRITERS }, (_, i) => ({
        cookie: pick(reviewers, i).cookie,
        page: `/articles/${article.id}/claims/${claim.id}`,
        action,
        args: [where, { claimId: claim.id, version: claim.version }],
      })),
    );
    const winner = expectOneWinner(answers);
    const after = await readClaim(claim.id);
    expect(after.version).toBe(claim.version + 1);
    expect(after.assigneeId).toBe(pick(reviewers, winner).user.id);
    const history = await historyOf(claim.id);
    expect(history.map((h) => h.action)).toEqual(["claim.take"]);
    recordFigure("conflicting writes: take", `${WRITERS} in ${ms} ms`);
  });

  it("approve: one approval and one approved verdict, the others conflict, one history row", async () => {
    if (!database) throw new Error("no database");
    const article = await newArticle();
    const proposer = pick(reviewers, 0).user;
    const claim = await makePendingClaim(database.db, article, "Article 4", proposer);
    const action = findAction(CLAIM_ACTIONS, "approveVerdictAction");
    const where = { articleId: article.id, claimId: claim.id };
    const { answers, ms } = await race(
      Array.from({ length: WRITERS }, (_, i) => ({
        cookie: pick(editors, i).cookie,
        page: `/articles/${article.id}/claims/${claim.id}`,
        action,
        args: [where, { claimId: claim.id, version: claim.version }],
      })),
    );
    const winner = expectOneWinner(answers);
    const after = await readClaim(claim.id);
    expect(after.status).toBe("approved");
    expect(after.version).toBe(claim.version + 1);
    const approved = await database.db
      .select({ approvedBy: verdicts.approvedBy, state: verdicts.state })
      .from(verdicts)
      .where(eq(verdicts.claimId, claim.id));
    expect(approved).toEqual([{ approvedBy: pick(editors, winner).user.id, state: "approved" }]);
    const history = await historyOf(claim.id);
    expect(history.map((h) => h.action)).toEqual(["verdict.approve"]);
    recordFigure("conflicting writes: approve", `${WRITERS} in ${ms} ms`);
  });

  it("edit, approve and take mixed on one claim: still exactly one winner", async () => {
    if (!database) throw new Error("no database");
    const article = await newArticle();
    const proposer = pick(reviewers, 0).user;
    const claim = await makePendingClaim(database.db, article, "Almaty", proposer);
    const claimPage = `/articles/${article.id}/claims/${claim.id}`;
    const where = { articleId: article.id, claimId: claim.id };
    const ref = { claimId: claim.id, version: claim.version };
    const edit = findAction(ARTICLE_ACTIONS, "updateClaimAction");
    const approve = findAction(CLAIM_ACTIONS, "approveVerdictAction");
    const take = findAction(CLAIM_ACTIONS, "takeClaimAction");
    // A take is refused on a claim pending approval whatever the timing, so the takes come from a
    // page read before the claim was taken (version 1): they must conflict, never win.
    const writes: Write[] = Array.from({ length: WRITERS }, (_, i) => {
      const editor = pick(editors, i);
      if (i % 3 === 0)
        return {
          cookie: editor.cookie,
          page: `/articles/${article.id}`,
          action: edit,
          args: [{ ...ref, values: { quantity: 4000 + i } }],
        };
      if (i % 3 === 1)
        return { cookie: editor.cookie, page: claimPage, action: approve, args: [where, ref] };
      return {
        cookie: editor.cookie,
        page: claimPage,
        action: take,
        args: [where, { ...ref, version: 1 }],
      };
    });
    const { answers } = await race(writes);
    const winner = expectOneWinner(answers);
    const after = await readClaim(claim.id);
    expect(after.version).toBe(claim.version + 1);
    const history = await historyOf(claim.id);
    expect(history).toHaveLength(1);
    expect(history[0]?.action).toBe(winner % 3 === 0 ? "claim.update" : "verdict.approve");
  });

  it("edit and take mixed on an open claim by reviewers: one winner, the others conflict", async () => {
    if (!database) throw new Error("no database");
    const article = await newArticle();
    const claim = await makeClaim(database.db, article, spanOf(article.body, "6 January 2022"));
    const edit = findAction(ARTICLE_ACTIONS, "updateClaimAction");
    const take = findAction(CLAIM_ACTIONS, "takeClaimAction");
    const ref = { claimId: claim.id, version: claim.version };
    const { answers } = await race(
      Array.from({ length: WRITERS }, (_, i) =>
        i % 2 === 0
          ? {
              cookie: pick(reviewers, i).cookie,
              page: `/articles/${article.id}`,
              action: edit,
              args: [{ ...ref, values: { date: "2022-01-06", note: `edit ${i}` } }],
            }
          : {
              cookie: pick(reviewers, i).cookie,
              page: `/articles/${article.id}/claims/${claim.id}`,
              action: take,
              args: [{ articleId: article.id, claimId: claim.id }, ref],
            },
      ),
    );
    const winner = expectOneWinner(answers);
    const after = await readClaim(claim.id);
    expect(after.version).toBe(claim.version + 1);
    const history = await historyOf(claim.id);
    expect(history.map((h) => h.action)).toEqual([
      winner % 2 === 0 ? "claim.update" : "claim.take",
    ]);
  });
});
