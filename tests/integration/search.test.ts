/**
 * Search (issue 19, line 4) on both engines: the same tests run on PostgreSQL (when a server
 * answers; PGlite otherwise) and on an in-memory PGlite, each with data of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { type Article, articles, claims, type NewClaim, sources, type User } from "@/db/schema";
import { AppError, ValidationError } from "@/lib/errors";
import { encodeCursor, searchFingerprint } from "@/lib/search/cursor";
import { MARK_END, MARK_START, plainText } from "@/lib/search/highlight";
import { hashBody } from "@/lib/services/articles/body";
import type { Ctx } from "@/lib/services/context";
import {
  SEARCH_CANDIDATES,
  SEARCH_PAGE_SIZE,
  type SearchResult,
  searchAll,
} from "@/lib/services/search/search-all";
import { ctxFor, insertOne, makeUser } from "../factories";
import { createTestDatabase, isPostgres } from "./test-db";

interface Engine {
  name: string;
  open: () => Promise<Database>;
}

const engines: Engine[] = [
  { name: isPostgres() ? "PostgreSQL" : "PGlite (no PostgreSQL server)", open: createTestDatabase },
  {
    name: "PGlite in memory",
    open: async () => {
      const database = openDatabase({ dataDir: "memory://" });
      await runMigrations(database.db);
      return database;
    },
  },
];

let bodies = 0;

async function article(
  db: Db,
  values: { title: string; outlet?: string; author?: string; publishedOn?: string; body?: string },
): Promise<Article> {
  const body = values.body ?? `Body ${bodies++} of ${values.title}.`;
  return insertOne(db, articles, {
    title: values.title,
    outlet: values.outlet ?? null,
    author: values.author ?? null,
    publishedOn: values.publishedOn ?? null,
    body,
    bodyHash: hashBody(body),
  });
}

/** A claim whose text is written as given (its span is nominal: search reads the text). */
async function claim(db: Db, on: Article, text: string, overrides: Partial<NewClaim> = {}) {
  return insertOne(db, claims, {
    articleId: on.id,
    text,
    start: 0,
    end: Math.min(on.body.length, text.length),
    kind: "statement",
    ...overrides,
  });
}

async function source(
  db: Db,
  claimId: string,
  values: { title: string; publisher?: string; excerpt?: string; url?: string },
) {
  return insertOne(db, sources, {
    claimId,
    title: values.title,
    publisher: values.publisher ?? null,
    excerpt: values.excerpt ?? null,
    url: values.url ?? "https://example.org/record",
  });
}

function texts(results: SearchResult[]): string[] {
  return results.map((result) =>
    result.type === "claim" ? plainText(result.text) : plainText(result.title),
  );
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

for (const engine of engines) {
  describe(`search on ${engine.name}`, () => {
    let database: Database;
    let db: Db;
    let reviewer: Ctx;
    let editor: Ctx;
    let admin: Ctx;
    let otherReviewer: User;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      database = await engine.open();
      db = database.db;
      reviewer = ctxFor(db, await makeUser(db, { role: "reviewer" }));
      editor = ctxFor(db, await makeUser(db, { role: "editor" }));
      admin = ctxFor(db, await makeUser(db, { role: "admin" }));
      otherReviewer = await makeUser(db, { role: "reviewer" });

      const gazette = await article(db, {
        title: "Peacekeepers land in Almaty",
        outlet: "Steppe Gazette",
        author: "Dana Aliyeva",
        publishedOn: "2022-01-07",
        body: "Peacekeepers from the treaty organisation landed in Almaty on Thursday night.",
      });
      const herald = await article(db, {
        title: "Parliament debates the budget",
        outlet: "Capital Herald",
        publishedOn: "2023-05-02",
      });
      ids.gazette = gazette.id;
      ids.herald = herald.id;
      ids.adjacent = (
        await claim(db, gazette, "About 2,500 troops arrived in Almaty on 6 January.", {
          kind: "quantity",
          speaker: "Colonel Serik Bekov",
          status: "approved",
          rating: "mostly_true",
          assigneeId: otherReviewer.id,
        })
      ).id;
      ids.apart = (
        await claim(db, gazette, "The troops, the ministry said, arrived later in Astana.", {
          kind: "quote",
          speaker: "Ministry of Defence",
          status: "in_review",
          assigneeId: otherReviewer.id,
        })
      ).id;
      ids.dismissed = (
        await claim(db, gazette, "Police closed the airport while troops waited.", {
          kind: "event",
          status: "dismissed",
          dismissReason: "not_check_worthy",
        })
      ).id;
      ids.budget = (
        await claim(db, herald, "The budget deficit reached 4.1 percent of output.", {
          kind: "quantity",
          speaker: "Finance Minister",
          status: "approved",
          rating: "false",
        })
      ).id;
      ids.hostile = (
        await claim(
          db,
          herald,
          `<script>alert("x")</script> <img src=x onerror=alert(1)> ${MARK_START}forged${MARK_END} saboteurs &amp; gremlins`,
        )
      ).id;
      ids.treatySource = (
        await source(db, ids.adjacent, {
          title: "Treaty organisation deployment statement",
          publisher: "CSTO press office",
          excerpt: "The collective force numbers 2,030 troops drawn from five member states.",
          url: "https://odkb.example/statements/2022-01-06",
        })
      ).id;
      ids.budgetSource = (
        await source(db, ids.budget, {
          title: "Budget outturn tables",
          publisher: "Treasury",
          excerpt: "Deficit of 4.1 percent.",
        })
      ).id;
    });

    afterAll(async () => {
      await database?.close();
    });

    it("finds a word in any form, best match first, with counts per type", async () => {
      const page = await searchAll(reviewer, { q: "troop" });
      expect(page.state).toBe("searched");
      expect(page.counts).toEqual({
        claims: { count: 3, more: false },
        articles: { count: 0, more: false },
        sources: { count: 1, more: false },
      });
      expect(page.results.map((r) => r.id).sort()).toEqual(
        [ids.adjacent, ids.apart, ids.dismissed, ids.treatySource].sort(),
      );
      expect(page.next).toBeNull();
    });

    it("ranks a title match above a match in an article's opening text", async () => {
      const byTitle = await article(db, { title: "Quarantine rules for ferrets" });
      const byBody = await article(db, {
        title: "Weekly pets round-up",
        body: "Among other news, ferrets face new quarantine rules next spring.",
      });
      const page = await searchAll(reviewer, { q: "ferrets", type: "articles" });
      expect(page.results.map((r) => r.id)).toEqual([byTitle.id, byBody.id]);
    });

    it('reads "quoted phrases" as words side by side', async () => {
      const page = await searchAll(reviewer, { q: '"troops arrived"' });
      expect(page.results.map((r) => r.id)).toEqual([ids.adjacent]);
    });

    it("reads OR as either word", async () => {
      const page = await searchAll(reviewer, { q: "almaty OR astana", type: "claims" });
      expect(page.results.map((r) => r.id).sort()).toEqual([ids.adjacent, ids.apart].sort());
    });

    it("leaves out results with a -word", async () => {
      const page = await searchAll(reviewer, { q: "troops -almaty -police", type: "claims" });
      expect(page.results.map((r) => r.id)).toEqual([ids.apart]);
    });

    it("searches articles by title, outlet and author, and sources by title, publisher, excerpt and address", async () => {
      expect((await searchAll(reviewer, { q: "Aliyeva" })).results.map((r) => r.id)).toEqual([
        ids.gazette,
      ]);
      expect(
        (await searchAll(reviewer, { q: "capital herald", type: "articles" })).results.map(
          (r) => r.id,
        ),
      ).toEqual([ids.herald]);
      // The address's host is one word to the parser.
      for (const q of ["CSTO", "member states", "odkb.example"]) {
        expect(
          (await searchAll(reviewer, { q })).results.map((r) => r.id),
          q,
        ).toEqual([ids.treatySource]);
      }
    });

    it("filters by kind, status, rating, outlet, speaker and publication dates", async () => {
      const claimIds = async (input: Record<string, string>) =>
        (await searchAll(reviewer, { q: "troops OR budget", type: "claims", ...input })).results
          .map((r) => r.id)
          .sort();
      expect(await claimIds({})).toEqual(
        [ids.adjacent, ids.apart, ids.dismissed, ids.budget].sort(),
      );
      expect(await claimIds({ kind: "quantity" })).toEqual([ids.adjacent, ids.budget].sort());
      expect(await claimIds({ status: "in_review" })).toEqual([ids.apart]);
      expect(await claimIds({ rating: "false" })).toEqual([ids.budget]);
      expect(await claimIds({ outlet: "Capital Herald" })).toEqual([ids.budget]);
      expect(await claimIds({ speaker: "colonel serik BEKOV" })).toEqual([ids.adjacent]);
      expect(await claimIds({ from: "2023-01-01" })).toEqual([ids.budget]);
      expect(await claimIds({ to: "2022-12-31" })).toEqual(
        [ids.adjacent, ids.apart, ids.dismissed].sort(),
      );
      expect(await claimIds({ from: "2022-01-07", to: "2022-01-07" })).toEqual(
        [ids.adjacent, ids.apart, ids.dismissed].sort(),
      );
      expect(await claimIds({ from: "2024-01-01" })).toEqual([]);
    });

    it("applies claim filters to the sources behind claims, and then leaves articles out", async () => {
      const page = await searchAll(reviewer, { q: "treaty OR budget", rating: "mostly_true" });
      expect(page.counts.articles).toBeNull();
      expect(page.results.map((r) => r.id)).toEqual([ids.treatySource]);
      const byOutlet = await searchAll(reviewer, { q: "treaty", outlet: "Steppe Gazette" });
      expect(byOutlet.results.map((r) => r.id).sort()).toEqual(
        [ids.gazette, ids.treatySource].sort(),
      );
    });

    it("refuses a start date after the end date, and a date that does not exist", async () => {
      const backwards = await refusal(
        searchAll(reviewer, { q: "troops", from: "2023-01-02", to: "2023-01-01" }),
      );
      expect(backwards.fieldErrors.to).toEqual(["The start date is after the end date."]);
      const impossible = await refusal(searchAll(reviewer, { q: "troops", from: "2023-02-30" }));
      expect(impossible.fieldErrors.from).toEqual(["That date does not exist."]);
    });

    it("marks the matched words, and only those", async () => {
      const page = await searchAll(reviewer, { q: '"troops arrived" OR bekov' });
      const [hit] = page.results;
      if (hit?.type !== "claim") throw new Error("expected the claim first");
      expect(hit.text.filter((p) => p.mark).map((p) => p.text)).toEqual(["troops", "arrived"]);
      expect(plainText(hit.text)).toBe("About 2,500 troops arrived in Almaty on 6 January.");
      expect(hit.speaker?.filter((p) => p.mark).map((p) => p.text)).toEqual(["Bekov"]);
      expect(hit).toMatchObject({
        articleId: ids.gazette,
        articleTitle: "Peacekeepers land in Almaty",
        outlet: "Steppe Gazette",
        publishedOn: "2022-01-07",
        status: "approved",
        rating: "mostly_true",
        kind: "quantity",
      });
    });

    it("shows an article's passage and a source's excerpt around the match", async () => {
      const [gazette] = (await searchAll(reviewer, { q: "Thursday" })).results;
      if (gazette?.type !== "article") throw new Error("expected the article");
      expect(gazette.passage.filter((p) => p.mark).map((p) => p.text)).toEqual(["Thursday"]);
      const [statement] = (await searchAll(reviewer, { q: "member" })).results;
      if (statement?.type !== "source") throw new Error("expected the source");
      expect(statement.passage?.filter((p) => p.mark).map((p) => p.text)).toEqual(["member"]);
      expect(statement).toMatchObject({
        claimId: ids.adjacent,
        articleId: ids.gazette,
        claimText: "About 2,500 troops arrived in Almaty on 6 January.",
        publisher: "CSTO press office",
      });
    });

    it("keeps hostile text inert: markup stays text and stored markers cannot forge a highlight", async () => {
      const page = await searchAll(reviewer, { q: "gremlins" });
      const [hit] = page.results;
      if (hit?.type !== "claim") throw new Error("expected the claim");
      expect(hit.id).toBe(ids.hostile);
      expect(hit.text.filter((p) => p.mark).map((p) => p.text)).toEqual(["gremlins"]);
      expect(plainText(hit.text)).toBe(
        '<script>alert("x")</script> <img src=x onerror=alert(1)> forged saboteurs &amp; gremlins',
      );
      // Markup in the words is read as words (websearch_to_tsquery splits at < / >), not run.
      const markup = await searchAll(reviewer, { q: "<b>gremlins</b> <script>" });
      expect(markup.state).toBe("searched");
      expect(markup.results).toEqual([]);
    });

    it("takes query syntax characters as text, never as an error", async () => {
      for (const q of [
        "troops & | ! ( ) : * <-> \\",
        "'troops'",
        '"unclosed phrase troops',
        "OR OR troops OR",
        "-(troops)",
        "troops:* & almaty:A",
        "ünïcödé 部队 troops",
      ]) {
        const page = await searchAll(reviewer, { q });
        expect(["searched", "stop-words", "only-excluded"], q).toContain(page.state);
      }
    });

    it("explains a search of only stop words, of only punctuation, and of only excluded words", async () => {
      expect((await searchAll(reviewer, { q: "the of and" })).state).toBe("stop-words");
      expect((await searchAll(reviewer, { q: '!!! ""' })).state).toBe("stop-words");
      expect((await searchAll(reviewer, { q: "-troops" })).state).toBe("only-excluded");
      expect((await searchAll(reviewer, { q: "-troops OR -police" })).state).toBe("only-excluded");
      expect((await searchAll(reviewer, {})).state).toBe("empty");
      expect((await searchAll(reviewer, { q: "   " })).state).toBe("empty");
    });

    it("refuses control characters and overlong searches with a message", async () => {
      const control = await refusal(searchAll(reviewer, { q: "troops\u0000police" }));
      expect(control.fieldErrors.q?.[0]).toMatch(/control character \(U\+0000\)/);
      const tab = await refusal(searchAll(reviewer, { q: "troops\tpolice" }));
      expect(tab.fieldErrors.q?.[0]).toMatch(/one line/);
      const long = await refusal(
        searchAll(reviewer, { q: "troops ".repeat(1500).slice(0, 10_000) }),
      );
      expect(long.fieldErrors.q).toEqual(["Keep the search to 200 characters or fewer."]);
      const surrogate = await refusal(searchAll(reviewer, { q: "troops \ud800" }));
      expect(surrogate.fieldErrors.q?.[0]).toMatch(/broken character/);
    });

    it("shows every role the same results, claims assigned to others and dismissed ones included", async () => {
      const seen = await Promise.all(
        [reviewer, editor, admin].map(async (ctx) =>
          (await searchAll(ctx, { q: "troops" })).results.map((r) => r.id).sort(),
        ),
      );
      expect(seen[0]).toContain(ids.apart);
      expect(seen[0]).toContain(ids.dismissed);
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
    });

    it("refuses the system, which is no signed-in user", async () => {
      const system = { db, actor: { system: "cli" } } as unknown as Ctx;
      const error = await searchAll(system, { q: "troops" }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("forbidden");
    });

    it("pages through ties and different scores with no result repeated or missed", async () => {
      const host = await article(db, { title: "Pagination host" });
      const made = new Set<string>();
      // Equal scores in runs (the same text), and higher ones (the word twice, or in the speaker).
      for (let i = 0; i < 47; i++) {
        const text =
          i % 5 === 0
            ? `Zanzibar and zanzibar again, variant ${i}.`
            : `A claim about Zanzibar, one of many.`;
        const row = await claim(db, host, text, i % 7 === 0 ? { speaker: "Zanzibar Office" } : {});
        made.add(row.id);
      }
      await source(db, [...made][0] ?? "", { title: "Zanzibar ledger" });
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await searchAll(reviewer, { q: "zanzibar", after });
        pages++;
        expect(page.results.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
        seen.push(...page.results.map((r) => `${r.type}:${r.id}`));
        after = page.next ?? undefined;
        if (after) expect(page.results).toHaveLength(SEARCH_PAGE_SIZE);
      } while (after && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(
        seen
          .filter((key) => key.startsWith("claim:"))
          .map((key) => key.slice(6))
          .sort(),
      ).toEqual([...made].sort());
      expect(seen.filter((key) => key.startsWith("source:"))).toHaveLength(1);
      // One type alone pages the same way.
      const claimsOnly: string[] = [];
      after = undefined;
      do {
        const page = await searchAll(reviewer, { q: "zanzibar", type: "claims", after });
        claimsOnly.push(...page.results.map((r) => r.id));
        after = page.next ?? undefined;
      } while (after);
      expect(claimsOnly.sort()).toEqual([...made].sort());
    });

    it("orders a page best first: the word twice and in the speaker rank above a single mention", async () => {
      const host = await article(db, { title: "Ranking host" });
      const once = await claim(
        db,
        host,
        "A long note on the wildlife of the western islands, with quokkas among others.",
      );
      const twice = await claim(db, host, "Quokkas, quokkas everywhere on the island.");
      const spoken = await claim(db, host, "Quokkas are thriving.", { speaker: "Quokka Trust" });
      const page = await searchAll(reviewer, { q: "quokka", type: "claims" });
      const order = page.results.map((r) => r.id);
      expect(order.indexOf(once.id)).toBe(2);
      expect(order.slice(0, 2).sort()).toEqual([twice.id, spoken.id].sort());
    });

    it("refuses a damaged page link, and one made for another search, with a message", async () => {
      const damaged = await refusal(
        searchAll(reviewer, { q: "troops", after: "bm90IGEgY3Vyc29y" }),
      );
      expect(damaged.fieldErrors.after?.[0]).toMatch(/damaged/);
      const first = await searchAll(reviewer, { q: "zanzibar" });
      expect(first.next).not.toBeNull();
      const other = await refusal(
        searchAll(reviewer, { q: "zanzibar", type: "claims", after: first.next ?? "" }),
      );
      expect(other.fieldErrors.after?.[0]).toMatch(/different search/);
      // A well-formed cursor for this search past every result gives an empty last page.
      const fingerprint = searchFingerprint({
        q: "troops",
        type: "all",
      });
      const past = encodeCursor(
        { score: 0, type: 2, id: "ffffffff-ffff-4fff-bfff-ffffffffffff" },
        fingerprint,
      );
      const end = await searchAll(reviewer, { q: "troops", after: past });
      expect(end.results).toEqual([]);
      expect(end.next).toBeNull();
    });

    it(`counts at most ${SEARCH_CANDIDATES} matches of a type and says there are more`, async () => {
      const host = await article(db, { title: "Crowded host" });
      await db.insert(claims).values(
        Array.from({ length: SEARCH_CANDIDATES + 5 }, (_, i) => ({
          articleId: host.id,
          text: `Wombats counted in survey ${i}.`,
          start: 0,
          end: 10,
          kind: "quantity" as const,
        })),
      );
      const page = await searchAll(reviewer, { q: "wombats" });
      expect(page.counts.claims).toEqual({ count: SEARCH_CANDIDATES, more: true });
      expect(page.results).toHaveLength(SEARCH_PAGE_SIZE);
      const narrow = await searchAll(reviewer, { q: '"survey 1004"' });
      expect(narrow.results.map((r) => (r.type === "claim" ? plainText(r.text) : ""))).toEqual([
        "Wombats counted in survey 1004.",
      ]);
    });

    it("reads URL parameters as the page sends them: empty means unset, an unknown type means all", async () => {
      const page = await searchAll(reviewer, {
        q: "troops",
        type: "nonsense",
        kind: "",
        status: "",
        rating: "",
        outlet: "",
        speaker: "",
        from: "",
        to: "",
        after: "",
      } as never);
      expect(page.search.type).toBe("all");
      expect(texts(page.results)).toContain("About 2,500 troops arrived in Almaty on 6 January.");
      const bad = await refusal(searchAll(reviewer, { q: "troops", kind: "rumour" } as never));
      expect(bad.fieldErrors.kind).toEqual(["Choose a claim kind."]);
    });
  });
}
