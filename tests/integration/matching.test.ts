/**
 * The matching engine on both engines: every test body runs once on the test database (PostgreSQL
 * when TEST_DATABASE_URL is set) and once on an in-memory PGlite database, so every matching
 * query is exercised on both.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, openDatabase, queryRows } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { auditEvents, claimMatches, claims } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { deleteArticle } from "@/lib/services/articles/delete-article";
import { importArticle } from "@/lib/services/articles/import-article";
import { findMatches } from "@/lib/services/matching/find-matches";
import { matchClaims } from "@/lib/services/matching/match-claims";
import { rankSettings } from "@/lib/services/matching/rank-matches";
import { rematchClaim } from "@/lib/services/matching/rematch-claim";
import { ctxFor, makeArticle, makeClaim, makeUser } from "../factories";
import { createTestDatabase, isPostgres } from "./test-db";

const settings = rankSettings({ suggest: 0.3, strong: 0.7 });

/** A word no other test uses, so each test's claims match only each other. */
const token = () =>
  `Zorvan${crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)}`;

/** An article holding `text` as its one claim (with the given values and speaker). */
async function claimIn(
  db: Db,
  text: string,
  extra: { values?: Record<string, unknown>; speaker?: string; status?: "dismissed" } = {},
) {
  const article = await makeArticle(db, { body: `${text} Ref ${crypto.randomUUID()}.` });
  const claim = await makeClaim(db, article, { start: 0, end: text.length, ...extra });
  return { article, claim };
}

const engines: Array<[string, () => Promise<Database>]> = [
  [
    isPostgres() ? "the test database (PostgreSQL)" : "the test database",
    () => createTestDatabase(),
  ],
  [
    "in-memory PGlite",
    async () => {
      const database = openDatabase({ dataDir: "memory://" });
      await runMigrations(database.db);
      return database;
    },
  ],
];

describe.each(engines)("matching on %s", (_name, open) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });
  const db = () => database.db;

  it("finds an earlier claim of another article that says the same, with its reasons", async () => {
    const t = token();
    const reviewer = await makeUser(db(), { role: "reviewer" });
    const earlier = await claimIn(
      db(),
      `The ministry said 2,500 ${t} troops arrived in Almaty on 6 January 2022.`,
      { values: { quantity: 2500, unit: "troops" }, speaker: "Alison Rowe" },
    );
    const unrelated = await claimIn(db(), `Officials of ${t} met bakers to discuss flour prices.`);
    const later = await claimIn(
      db(),
      `About 2,480 ${t} troops arrived in Almaty on 6 January, the ministry said.`,
      { values: { quantity: 2480 }, speaker: "Ms Rowe" },
    );
    // A claim of the same article is never its own earlier appearance.
    await makeClaim(db(), later.article, { start: 0, end: 20 });
    const matches = await findMatches(
      ctxFor(db(), reviewer),
      { claimId: later.claim.id, minScore: 0 },
      settings,
    );
    expect(matches[0]?.match.id).toBe(earlier.claim.id);
    expect(matches.map((m) => m.match.article.id)).not.toContain(later.article.id);
    const best = matches[0];
    if (!best) return;
    expect(best.score).toBeGreaterThan(0.5);
    expect(best.score).toBeLessThanOrEqual(1);
    expect(best.strength).not.toBeNull();
    expect(best.reasons.sharedTerms).toEqual(expect.arrayContaining(["troops", "Almaty"]));
    expect(best.reasons.agreeingValues).toEqual(["2,480"]);
    expect(best.reasons.sameSpeaker).toBe("Alison Rowe");
    expect(best.match.article.title).toBe(earlier.article.title);
    const other = matches.find((m) => m.match.id === unrelated.claim.id);
    expect(other === undefined || other.score < best.score / 2).toBe(true);
    // Later claims are not earlier appearances of the earlier one.
    const back = await findMatches(
      ctxFor(db(), reviewer),
      { claimId: earlier.claim.id, minScore: 0 },
      settings,
    );
    expect(back.map((m) => m.match.id)).not.toContain(later.claim.id);
  });

  it("answers an unknown claim as not found", async () => {
    const reviewer = await makeUser(db(), { role: "reviewer" });
    await expect(
      findMatches(ctxFor(db(), reviewer), { claimId: crypto.randomUUID() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(findMatches(ctxFor(db(), reviewer), { claimId: "not-an-id" })).rejects.toThrow();
  });

  it("stores suggestions in batches, keeps decided pairs and never suggests a 'not the same' again", async () => {
    const t = token();
    const editor = await makeUser(db(), { role: "editor" });
    const a = await claimIn(db(), `Article 4 of the ${t} treaty was invoked for the first time.`);
    const b = await claimIn(
      db(),
      `The ${t} treaty's Article 4 was invoked for the first time ever.`,
    );
    const c = await claimIn(db(), `For the first time, Article 4 of the ${t} treaty was invoked.`);
    const dismissed = await claimIn(db(), `Article 4 of the ${t} treaty was invoked.`, {
      status: "dismissed",
    });
    const d = await claimIn(db(), `Article 4 of the ${t} treaty was invoked for the first time.`);
    const stored = await db().transaction((tx) =>
      matchClaims(tx, { claimIds: [b.claim.id, c.claim.id, d.claim.id] }, settings),
    );
    const rows = async (claimId: string) =>
      db()
        .select({
          matchId: claimMatches.matchId,
          state: claimMatches.state,
          score: claimMatches.score,
          reasons: claimMatches.reasons,
        })
        .from(claimMatches)
        .where(eq(claimMatches.claimId, claimId));
    const ofD = await rows(d.claim.id);
    expect(stored).toBeGreaterThanOrEqual(6);
    expect(ofD.map((r) => r.matchId).sort()).toEqual([a.claim.id, b.claim.id, c.claim.id].sort());
    expect(ofD.every((r) => r.state === "suggested" && r.score > 0 && r.score <= 1)).toBe(true);
    expect(ofD.map((r) => r.matchId)).not.toContain(dismissed.claim.id);
    expect((await rows(b.claim.id)).map((r) => r.matchId)).toEqual([a.claim.id]);

    // A reviewer's decisions: d is the same as a, not the same as b; c was decided the other way.
    const decide = (claimId: string, matchId: string, state: "same" | "not_same") =>
      db()
        .update(claimMatches)
        .set({ state, decidedBy: editor.id, decidedAt: new Date(), score: 0.123 })
        .where(and(eq(claimMatches.claimId, claimId), eq(claimMatches.matchId, matchId)));
    await decide(d.claim.id, a.claim.id, "same");
    await decide(d.claim.id, b.claim.id, "not_same");
    await db().execute(sql`
      insert into claim_matches (claim_id, match_id, score, state, decided_by, decided_at)
      values (${c.claim.id}, ${d.claim.id}, 0.5, 'not_same', ${editor.id}, now())`);

    const again = await rematchClaim(ctxFor(db(), editor), { claimId: d.claim.id }, settings);
    const after = await rows(d.claim.id);
    expect(after.find((r) => r.matchId === a.claim.id)).toMatchObject({
      state: "same",
      score: 0.123,
    });
    expect(after.find((r) => r.matchId === b.claim.id)).toMatchObject({
      state: "not_same",
      score: 0.123,
    });
    // c was decided "not the same" as d with d as the later claim: no suggestion either way.
    expect(after.find((r) => r.matchId === c.claim.id)).toBeUndefined();
    expect(again.suggestions).toBe(0);
    const found = await findMatches(
      ctxFor(db(), editor),
      { claimId: d.claim.id, minScore: 0 },
      settings,
    );
    expect(found.map((m) => m.match.id)).not.toContain(b.claim.id);
    expect(found.map((m) => m.match.id)).not.toContain(c.claim.id);

    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "claim.match"), eq(auditEvents.claimId, d.claim.id)));
    expect(audit).toMatchObject({ actorId: editor.id, after: { suggestions: 0 } });
  });

  it("re-matching replaces a claim's old suggestions", async () => {
    const t = token();
    const reviewer = await makeUser(db(), { role: "reviewer" });
    const a = await claimIn(db(), `Unemployment in ${t} fell to 4 percent last spring.`);
    const b = await claimIn(db(), `Unemployment in ${t} fell to 4 percent last spring, data show.`);
    await db().execute(sql`
      insert into claim_matches (claim_id, match_id, score) values (${b.claim.id}, ${a.claim.id}, 0.01)`);
    await db().execute(
      sql`update claims set text = ${`Bakeries in ${t} sold bread.`} where id = ${a.claim.id}`,
    );
    const result = await rematchClaim(ctxFor(db(), reviewer), { claimId: b.claim.id }, settings);
    expect(result.suggestions).toBe(0);
    const left = await db().select().from(claimMatches).where(eq(claimMatches.claimId, b.claim.id));
    expect(left).toEqual([]);
  });

  it("lets reviewers, editors and admins re-match; an unknown claim is not found", async () => {
    const { claim } = await claimIn(db(), `The ${token()} bridge opened in 1998.`);
    for (const role of ["reviewer", "editor", "admin"] as const) {
      const user = await makeUser(db(), { role });
      await expect(
        rematchClaim(ctxFor(db(), user), { claimId: claim.id }, settings),
      ).resolves.toEqual({
        suggestions: 0,
      });
    }
    const user = await makeUser(db(), { role: "reviewer" });
    await expect(
      rematchClaim(ctxFor(db(), user), { claimId: crypto.randomUUID() }, settings),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      rematchClaim({ db: db(), actor: { system: "seed" } } as never, { claimId: claim.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("an import stores suggestions for its claims, unless matching is off", async () => {
    const t = token();
    const reviewer = await makeUser(db(), { role: "reviewer" });
    const sentence = `The ministry said 2,500 ${t} troops arrived in Almaty on 6 January 2022.`;
    const earlier = await claimIn(db(), sentence, { values: { quantity: 2500 } });
    const ctx = ctxFor(db(), reviewer);
    const imported = await importArticle(ctx, {
      title: `Troops ${t}`,
      publishedOn: "2022-01-10",
      text: `${sentence}\n\nIt was the first such deployment.`,
    });
    expect(imported.status).toBe("created");
    if (imported.status !== "created") return;
    expect(imported.suggestions).toBeGreaterThanOrEqual(1);
    const stored = await queryRows<{ match_id: string; reasons: { sharedTerms: string[] } }>(
      db(),
      sql`select m.match_id, m.reasons from claim_matches m join claims c on c.id = m.claim_id
          where c.article_id = ${imported.article.id}`,
    );
    expect(stored.map((r) => r.match_id)).toContain(earlier.claim.id);
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "article.match"), eq(auditEvents.entityId, imported.article.id)),
      );
    expect(audit?.actorId).toBe(reviewer.id);

    const off = parseEnv({ MATCHING: "off" }).MATCHING;
    const skipped = await importArticle(
      ctx,
      { title: `Again ${t}`, text: `${sentence} Reported again ${t}.` },
      { matching: off },
    );
    expect(skipped.status === "created" && skipped.suggestions).toBeNull();
    if (skipped.status !== "created") return;
    const none = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from claim_matches m join claims c on c.id = m.claim_id
          where c.article_id = ${skipped.article.id}`,
    );
    expect(none[0]?.n).toBe(0);
  }, 60_000);

  it("keeps claim_terms and claim_search_stats equal to a recount after imports, edits and deletes", async () => {
    const t = token();
    const editor = await makeUser(db(), { role: "editor" });
    const ctx = ctxFor(db(), editor);
    const imported = await importArticle(
      ctx,
      {
        title: `Counts ${t}`,
        text: `The ${t} mine produced 40 tonnes of gold in 2021, the company said.`,
      },
      { matching: "off" },
    );
    const { claim } = await claimIn(db(), `The ${t} mine employs 300 people.`);
    await db()
      .update(claims)
      .set({ text: `The ${t} mine employs 310 people.`, speaker: "Ann Lee" })
      .where(eq(claims.id, claim.id));
    await db().delete(claims).where(eq(claims.id, claim.id));
    if (imported.status === "created") {
      const [article] = await queryRows<{ version: number }>(
        db(),
        sql`select version from articles where id = ${imported.article.id}`,
      );
      await deleteArticle(ctx, { articleId: imported.article.id, version: article?.version ?? 1 });
    }
    const diff = await queryRows<{ n: number }>(
      db(),
      sql`
        with recount as (
          select lexeme as term, count(*)::int as df from claims, unnest(tsvector_to_array(search)) lexeme
          group by lexeme
        )
        select count(*)::int as n from (
          (select term, df from claim_terms where df <> 0 except select term, df from recount)
          union all
          (select term, df from recount except select term, df from claim_terms)
        ) x`,
    );
    expect(diff[0]?.n).toBe(0);
    const [stats] = await queryRows<{ ok: boolean }>(
      db(),
      sql`select docs = (select count(*) from claims)
            and lexemes = (select coalesce(sum(length(search)), 0) from claims) as ok
          from claim_search_stats where id = 1`,
    );
    expect(stats?.ok).toBe(true);
  }, 60_000);
});
