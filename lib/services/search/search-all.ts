import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Executor, queryRows } from "@/db/client";
import type { ClaimKindName, ClaimStatus, Rating } from "@/db/schema/constants";
import { requirePermission } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import {
  decodeCursor,
  encodeCursor,
  type SearchCursor,
  searchFingerprint,
  type TypeOrder,
} from "@/lib/search/cursor";
import { type HighlightPiece, MARK_END, MARK_START, splitHighlight } from "@/lib/search/highlight";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { type SearchInput, type SearchType, searchSchema } from "@/lib/validation/search";

/*
 * One box over claims, articles and sources (issue 19, line 4). Every signed-in role may search,
 * and sees what it may open: any signed-in user reads every article and every claim page with its
 * sources (`articles.read`); a result shows nothing those pages do not (no assignee, no proposals).
 *
 * The words are read with websearch_to_tsquery ("quoted phrases", OR, -word), matched against the
 * stored search documents (claims.search from 0008, articles.search and sources.search from 0009,
 * each GIN-indexed and kept out of the Drizzle schema) and ranked with ts_rank_cd.
 *
 * Ranking reads every candidate's document, so a word found in half a million claims would cost
 * half a million reads. Each type therefore ranks at most its CANDIDATES newest matches (found by
 * the GIN index, or, for a word in nearly every row, by walking the newest rows): a search with
 * fewer matches (nearly every real one) is ranked in full; a broader one ranks its newest matches,
 * and the page says so and suggests more words. The same bound makes the counts per type cheap:
 * they are the candidates counted, shown as "more than 1,000" past the bound.
 *
 * Pages are keyset pages over (score desc, type, id): the score is the rank times a million as an
 * integer, so the cursor (lib/search/cursor.ts) compares exactly and no result is skipped or
 * repeated between pages.
 */

/** At most this many matches of each type are ranked and counted. */
export const SEARCH_CANDIDATES = 1000;
/** Results per page. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * ts_rank_cd's weights for D, C, B, A: A the claim's text, an article's or a source's title; B the
 * speaker, outlet and author, publisher; C the claim's values, a source's excerpt; D an article's
 * opening text and a source's address, which weigh little beside a title.
 */
const WEIGHTS = sql.raw(`'{0.05, 0.2, 0.4, 1.0}'::float4[]`);
/** Normalisation 1: the rank divided by 1 + log(length), so a long text does not win by length. */
const NORMALISATION = 1;

const TYPE_ORDER: Record<Exclude<SearchType, "all">, TypeOrder> = {
  claims: 0,
  articles: 1,
  sources: 2,
};

/** A whole short text (a claim, a title) with every match marked. */
const WHOLE = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
/** A few passages of a long text around its matches (its opening when the match was elsewhere). */
const PASSAGES = `MaxFragments=2, MaxWords=24, MinWords=10, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}`;

export type SearchState =
  /** No words yet: the page shows how to search. */
  | "empty"
  /** Only words search ignores ("the", "of"), or no word at all ("!!!"). */
  | "stop-words"
  /** Only excluded words (-word): that would match nearly everything. */
  | "only-excluded"
  | "searched";

export interface TypeCount {
  /** Matches counted, at most SEARCH_CANDIDATES. */
  count: number;
  /** More matches than were counted. */
  more: boolean;
}

export interface ClaimResult {
  type: "claim";
  id: string;
  articleId: string;
  text: HighlightPiece[];
  speaker: HighlightPiece[] | null;
  kind: ClaimKindName;
  status: ClaimStatus;
  rating: Rating | null;
  articleTitle: string;
  outlet: string | null;
  publishedOn: string | null;
}

export interface ArticleResult {
  type: "article";
  id: string;
  title: HighlightPiece[];
  outlet: string | null;
  author: string | null;
  publishedOn: string | null;
  passage: HighlightPiece[];
}

export interface SourceResult {
  type: "source";
  id: string;
  claimId: string;
  articleId: string;
  title: HighlightPiece[];
  publisher: string | null;
  url: string;
  passage: HighlightPiece[] | null;
  /** The claim the source backs, cut to 160 characters. */
  claimText: string;
  articleTitle: string;
}

export type SearchResult = ClaimResult | ArticleResult | SourceResult;

export interface SearchPage {
  search: SearchInput;
  state: SearchState;
  /** Per type; null where the filters rule the type out (articles have no claim fields). */
  counts: Record<Exclude<SearchType, "all">, TypeCount | null>;
  results: SearchResult[];
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}

/** Filters that belong to claims: with one set, articles cannot match. */
function hasClaimFilters(search: SearchInput): boolean {
  return Boolean(search.kind || search.status || search.rating || search.speaker);
}

/** The conditions on the article (a) and, when given, the claim (c) that the filters set. */
function filterConditions(search: SearchInput, withClaim: boolean): SQL[] {
  const parts: SQL[] = [];
  if (search.outlet) parts.push(sql`a.outlet = ${search.outlet}`);
  if (search.from) parts.push(sql`a.published_on >= ${search.from}::date`);
  if (search.to) parts.push(sql`a.published_on <= ${search.to}::date`);
  if (withClaim) {
    if (search.kind) parts.push(sql`c.kind = ${search.kind}`);
    if (search.status) parts.push(sql`c.status = ${search.status}`);
    if (search.rating) parts.push(sql`c.rating = ${search.rating}`);
    if (search.speaker) parts.push(sql`lower(c.speaker) = lower(${search.speaker})`);
  }
  return parts;
}

function tsquery(q: string): SQL {
  return sql`websearch_to_tsquery('english', ${q})`;
}

function score(vector: SQL, q: string): SQL {
  return sql`(ts_rank_cd(${WEIGHTS}, ${vector}, ${tsquery(q)}, ${NORMALISATION}) * 1000000)::bigint`;
}

function where(parts: SQL[]): SQL {
  return sql.join(parts, sql` and `);
}

/**
 * Each type's candidates (id and score): the newest matches first, cut at the bound plus one (so
 * the count knows there were more), then scored. The article join is made only when a filter needs
 * it.
 */
function claimCandidates(search: SearchInput): SQL {
  const filters = filterConditions(search, true);
  const needsArticle = Boolean(search.outlet || search.from || search.to);
  return sql`select c.id, ${score(sql`c.search`, search.q)} as score
    from (select c.id, c.search from claims c
      ${needsArticle ? sql`join articles a on a.id = c.article_id` : sql``}
      where ${where([sql`c.search @@ ${tsquery(search.q)}`, ...filters])}
      order by c.created_at desc, c.id desc
      limit ${SEARCH_CANDIDATES + 1}) c`;
}

function articleCandidates(search: SearchInput): SQL {
  return sql`select a.id, ${score(sql`a.search`, search.q)} as score
    from (select a.id, a.search from articles a
      where ${where([sql`a.search @@ ${tsquery(search.q)}`, ...filterConditions(search, false)])}
      order by a.created_at desc, a.id desc
      limit ${SEARCH_CANDIDATES + 1}) a`;
}

function sourceCandidates(search: SearchInput): SQL {
  const filters = filterConditions(search, true);
  const needsClaim = hasClaimFilters(search);
  const needsArticle = Boolean(search.outlet || search.from || search.to);
  return sql`select s.id, ${score(sql`s.search`, search.q)} as score
    from (select s.id, s.search from sources s
      ${needsClaim || needsArticle ? sql`join claims c on c.id = s.claim_id` : sql``}
      ${needsArticle ? sql`join articles a on a.id = c.article_id` : sql``}
      where ${where([sql`s.search @@ ${tsquery(search.q)}`, ...filters])}
      order by s.created_at desc, s.id desc
      limit ${SEARCH_CANDIDATES + 1}) s`;
}

interface Hit {
  t: TypeOrder;
  id: string;
  score: number;
}

interface HitsRow {
  claims: number | null;
  articles: number | null;
  sources: number | null;
  page: Hit[] | string;
}

/**
 * One statement: each type's candidates (materialised once), their counts, and the page: the
 * candidates after the cursor, best first, one more than a page (to know there is a next one).
 */
async function queryHits(db: Executor, search: SearchInput, cursor: SearchCursor | null) {
  const types = {
    claims: claimCandidates(search),
    articles: hasClaimFilters(search) ? null : articleCandidates(search),
    sources: sourceCandidates(search),
  };
  const shown = (Object.keys(types) as (keyof typeof types)[]).filter(
    (type) => types[type] !== null && (search.type === "all" || search.type === type),
  );
  const ctes = (Object.keys(types) as (keyof typeof types)[]).flatMap((type) => {
    const body = types[type];
    return body ? [sql`${sql.raw(`${type}_hits`)} as materialized (${body})`] : [];
  });
  const count = (type: keyof typeof types) =>
    types[type] ? sql`(select count(*) from ${sql.raw(`${type}_hits`)})::int` : sql`null::int`;
  const after = cursor
    ? sql`where (score < ${cursor.score}::bigint
        or (score = ${cursor.score}::bigint and (t, id) > (${cursor.type}::int, ${cursor.id}::uuid)))`
    : sql``;
  const union = shown.length
    ? sql.join(
        shown.map(
          (type) =>
            sql`select ${sql.raw(String(TYPE_ORDER[type]))}::int as t, id, score from ${sql.raw(`${type}_hits`)}`,
        ),
        sql` union all `,
      )
    : sql`select 0::int as t, null::uuid as id, 0::bigint as score where false`;
  const [row] = await queryRows<HitsRow>(
    db,
    sql`with ${sql.join(ctes, sql`, `)}
      select ${count("claims")} as claims, ${count("articles")} as articles,
        ${count("sources")} as sources,
        coalesce((select json_agg(json_build_object('t', t, 'id', id, 'score', score)
            order by score desc, t, id)
          from (select * from (${union}) u ${after}
            order by score desc, t, id limit ${SEARCH_PAGE_SIZE + 1}) p), '[]'::json) as page`,
  );
  if (!row) throw new Error("the search statement returned no row");
  const page = (typeof row.page === "string" ? JSON.parse(row.page) : row.page) as Hit[];
  const counted = (n: number | null): TypeCount | null =>
    n === null ? null : { count: Math.min(n, SEARCH_CANDIDATES), more: n > SEARCH_CANDIDATES };
  return {
    counts: {
      claims: counted(row.claims),
      articles: counted(row.articles),
      sources: counted(row.sources),
    },
    hits: page.map((hit) => ({ t: hit.t, id: hit.id, score: Number(hit.score) })),
  };
}

/** Strips the highlight markers from a text before ts_headline, so none can be forged. */
function unmarked(column: SQL): SQL {
  return sql`translate(${column}, ${MARK_START + MARK_END}, '')`;
}

function headline(column: SQL, q: string, options: string): SQL {
  return sql`ts_headline('english', ${unmarked(column)}, ${tsquery(q)}, ${options})`;
}

async function claimDetails(db: Executor, ids: string[], q: string): Promise<ClaimResult[]> {
  if (!ids.length) return [];
  const rows = await queryRows<
    Omit<ClaimResult, "type" | "text" | "speaker"> & { text: string; speaker: string | null }
  >(
    db,
    sql`select c.id, c.article_id as "articleId", ${headline(sql`c.text`, q, WHOLE)} as text,
        case when c.speaker is null then null else ${headline(sql`c.speaker`, q, WHOLE)} end as speaker,
        c.kind, c.status, c.rating, a.title as "articleTitle", a.outlet,
        a.published_on::text as "publishedOn"
      from claims c join articles a on a.id = c.article_id
      where c.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  return rows.map((row) => ({
    ...row,
    type: "claim",
    text: splitHighlight(row.text),
    speaker: row.speaker === null ? null : splitHighlight(row.speaker),
  }));
}

async function articleDetails(db: Executor, ids: string[], q: string): Promise<ArticleResult[]> {
  if (!ids.length) return [];
  const rows = await queryRows<
    Omit<ArticleResult, "type" | "title" | "passage"> & { title: string; passage: string }
  >(
    db,
    sql`select a.id, ${headline(sql`a.title`, q, WHOLE)} as title, a.outlet, a.author,
        a.published_on::text as "publishedOn",
        ${headline(sql`left(a.body, 4000)`, q, PASSAGES)} as passage
      from articles a
      where a.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  return rows.map((row) => ({
    ...row,
    type: "article",
    title: splitHighlight(row.title),
    passage: splitHighlight(row.passage),
  }));
}

async function sourceDetails(db: Executor, ids: string[], q: string): Promise<SourceResult[]> {
  if (!ids.length) return [];
  const rows = await queryRows<
    Omit<SourceResult, "type" | "title" | "passage"> & { title: string; passage: string | null }
  >(
    db,
    sql`select s.id, s.claim_id as "claimId", c.article_id as "articleId",
        ${headline(sql`s.title`, q, WHOLE)} as title, s.publisher, s.url,
        case when s.excerpt is null then null else ${headline(sql`s.excerpt`, q, PASSAGES)} end
          as passage,
        case when length(c.text) > 160 then left(c.text, 160) || '…' else c.text end
          as "claimText",
        a.title as "articleTitle"
      from sources s join claims c on c.id = s.claim_id join articles a on a.id = c.article_id
      where s.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  return rows.map((row) => ({
    ...row,
    type: "source",
    title: splitHighlight(row.title),
    passage: row.passage === null ? null : splitHighlight(row.passage),
  }));
}

/**
 * Whether the words make a query that can be searched: websearch_to_tsquery never fails, but
 * words it drops all (stop words, punctuation) leave an empty query, and a query of only excluded
 * words (querytree 'T') can use no index and would match nearly everything.
 */
async function readQuery(db: Executor, q: string): Promise<SearchState> {
  const [row] = await queryRows<{ nodes: number; tree: string }>(
    db,
    sql`select numnode(${tsquery(q)}) as nodes, querytree(${tsquery(q)}) as tree`,
  );
  if (!row || Number(row.nodes) === 0) return "stop-words";
  return row.tree === "T" ? "only-excluded" : "searched";
}

const CURSOR_MESSAGE = {
  damaged: "That link to a further page of results is damaged. Start again from the first page.",
  "other-search":
    "That link to a further page belongs to a different search. Start again from the first page.",
} as const;

/**
 * One page of results for the words and filters, best first, with each type's count. A damaged
 * page link is a ValidationError naming `after`; words that cannot be searched give a state, not
 * an error, so the page can explain them.
 */
export async function searchAll(
  ctx: Ctx,
  input: z.input<typeof searchSchema>,
): Promise<SearchPage> {
  requirePermission(ctx.actor, "search.query");
  const search = parseInput(searchSchema, input);
  const { after, ...asked } = search;
  const fingerprint = searchFingerprint(asked);
  let cursor: SearchCursor | null = null;
  if (after) {
    const reading = decodeCursor(after, fingerprint);
    if (!reading.ok) {
      const message = CURSOR_MESSAGE[reading.reason];
      throw new ValidationError(message, { after: [message] });
    }
    cursor = reading.cursor;
  }
  const none = { claims: null, articles: null, sources: null };
  if (search.q === "") return { search, state: "empty", counts: none, results: [], next: null };
  const state = await readQuery(ctx.db, search.q);
  if (state !== "searched") return { search, state, counts: none, results: [], next: null };

  const { counts, hits } = await queryHits(ctx.db, search, cursor);
  const page = hits.slice(0, SEARCH_PAGE_SIZE);
  const idsOf = (t: TypeOrder) => page.filter((hit) => hit.t === t).map((hit) => hit.id);
  const [claimRows, articleRows, sourceRows] = await Promise.all([
    claimDetails(ctx.db, idsOf(0), search.q),
    articleDetails(ctx.db, idsOf(1), search.q),
    sourceDetails(ctx.db, idsOf(2), search.q),
  ]);
  const byKey = new Map<string, SearchResult>();
  for (const row of claimRows) byKey.set(`0:${row.id}`, row);
  for (const row of articleRows) byKey.set(`1:${row.id}`, row);
  for (const row of sourceRows) byKey.set(`2:${row.id}`, row);
  // A row deleted between the two statements is left out; the order is the hits'.
  const results = page.flatMap((hit) => {
    const row = byKey.get(`${hit.t}:${hit.id}`);
    return row ? [row] : [];
  });
  const last = page[page.length - 1];
  const next =
    hits.length > SEARCH_PAGE_SIZE && last
      ? encodeCursor({ score: last.score, type: last.t, id: last.id }, fingerprint)
      : null;
  return { search, state, counts, results, next };
}
