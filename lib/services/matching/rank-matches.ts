import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import {
  BM25_DEFAULTS,
  type Bm25Params,
  BOOST_DEFAULTS,
  type Boosts,
  type CorpusStats,
  classifyScore,
  type MatchReasons,
  type MatchStrength,
  type QueryTerm,
  scoreCandidate,
  selfScore,
  type Thresholds,
  weightedFrequency,
} from "@/lib/claims/match";

/**
 * How candidates are gathered. A query claim probes the GIN index with its rarest lexemes only:
 * common words ("said", "year", "government") would pull in a large share of a million claims,
 * and the re-rank cost grows with every candidate. The probe is an OR query over those terms, so
 * a paraphrase that shares any distinctive word is found; BM25 then ranks on all shared terms.
 */
export interface ProbeSettings {
  /** The rarest lexemes of the query that probe the index. */
  terms: number;
  /** Lexemes held by more than this share of all claims never probe (they still score). */
  maxDfShare: number;
  /** …but a small corpus lets every term with at most this many claims probe. */
  minDfCap: number;
  /** Candidates re-ranked per query claim at most (the index returns them in no order). */
  maxCandidates: number;
}

export const PROBE_DEFAULTS: ProbeSettings = {
  terms: 12,
  maxDfShare: 0.02,
  minDfCap: 200,
  maxCandidates: 1000,
};

export interface RankSettings {
  params: Bm25Params;
  boosts: Boosts;
  probe: ProbeSettings;
  thresholds: Thresholds;
}

export function rankSettings(
  thresholds: Thresholds,
  overrides: Partial<Omit<RankSettings, "thresholds">> = {},
): RankSettings {
  return {
    params: overrides.params ?? BM25_DEFAULTS,
    boosts: overrides.boosts ?? BOOST_DEFAULTS,
    probe: overrides.probe ?? PROBE_DEFAULTS,
    thresholds,
  };
}

/** What the claim page shows of an earlier appearance. */
export interface MatchedClaim {
  id: string;
  text: string;
  speaker: string | null;
  status: string;
  rating: string | null;
  approvedAt: Date | null;
  article: { id: string; title: string; outlet: string | null; publishedOn: string | null };
}

export interface Match {
  claimId: string;
  score: number;
  bm25: number;
  strength: MatchStrength | null;
  reasons: MatchReasons;
  match: MatchedClaim;
}

interface QueryRow {
  id: string;
  length: number;
  values: Record<string, unknown> | null;
  speaker: string | null;
  terms: Array<[string, string[], number]> | null;
  words: Array<[string, string]> | null;
}

interface CandidateRow {
  qid: string;
  mid: string;
  length: number;
  shared: Array<[string, string[]]>;
  text: string;
  values: Record<string, unknown> | null;
  speaker: string | null;
  status: string;
  rating: string | null;
  approved_at: string | Date | null;
  article_id: string;
  title: string;
  outlet: string | null;
  published_on: string | null;
}

const idsJson = (ids: readonly string[]) => JSON.stringify(ids);

/** The weight of an occurrence in SQL: the same table of classes as `weightedFrequency`. */
function weightCase(column: SQL, params: Bm25Params): SQL {
  const w = params.weights;
  return sql`case ${column} when 'A' then ${w.A}::float8 when 'B' then ${w.B}::float8 when 'C' then ${w.C}::float8 else ${w.D}::float8 end`;
}

/**
 * The query claims: each lexeme with its weight classes and df, the claim's length, values and
 * speaker, and the words of its text with their lexemes (so reasons show "troops", not "troop").
 */
async function loadQueries(db: Executor, ids: readonly string[]) {
  const rows = await queryRows<QueryRow>(
    db,
    sql`
      select c.id, length(c.search) as length, c.values, c.speaker,
        (select json_agg(json_build_array(u.lexeme, u.weights, coalesce(t.df, 1)))
           from unnest(c.search) u left join claim_terms t on t.term = u.lexeme) as terms,
        (select json_agg(json_build_array(w.word, w.lexeme))
           from (select distinct on (lexeme) word, lexeme
                 from (select word, (tsvector_to_array(to_tsvector('english'::regconfig, word)))[1] as lexeme
                       from regexp_split_to_table(c.text, '[^[:alnum:]''’.-]+') as word
                       where word <> '') x
                 where lexeme is not null
                 order by lexeme, length(word)) w) as words
      from claims c
      where c.id in (select value::uuid from jsonb_array_elements_text(${idsJson(ids)}::jsonb))`,
  );
  const [stats] = await queryRows<{ docs: string | number; lexemes: string | number }>(
    db,
    sql`select docs, lexemes from claim_search_stats where id = 1`,
  );
  const corpus: CorpusStats = {
    docs: Number(stats?.docs ?? 0),
    lexemes: Number(stats?.lexemes ?? 0),
  };
  return { rows, corpus };
}

/**
 * Candidates for every query claim in one statement: the index probe, the exclusions (same
 * article, later claims, dismissed claims, pairs decided "not the same"), and a BM25 pre-rank in
 * SQL over the lexemes each candidate shares with its query, keeping the best `keep` of each.
 */
async function loadCandidates(
  db: Executor,
  ids: readonly string[],
  corpus: CorpusStats,
  settings: RankSettings,
  keep: number,
) {
  const { params, probe } = settings;
  const cap = Math.max(probe.minDfCap, Math.floor(corpus.docs * probe.maxDfShare));
  const avg = corpus.docs > 0 && corpus.lexemes > 0 ? corpus.lexemes / corpus.docs : 1;
  return queryRows<CandidateRow>(
    db,
    sql`
      with q as (
        select c.id, c.article_id, c.created_at, c.search from claims c
        where c.id in (select value::uuid from jsonb_array_elements_text(${idsJson(ids)}::jsonb))
      ),
      qt as materialized (
        select q.id as qid, u.lexeme, t.df,
          power(ln(1 + (greatest(${corpus.docs}::float8, t.df) - t.df + 0.5) / (t.df + 0.5)), ${params.idfPower}::float8) as idf,
          (select ${params.queryFrequency ? sql`sum` : sql`max`}(${weightCase(sql`w`, params)}) from unnest(u.weights) w) as qw
        from q cross join lateral unnest(q.search) u join claim_terms t on t.term = u.lexeme
      ),
      probe as materialized (
        select qid, string_agg(quote_literal(lexeme), ' | ')::tsquery as tq,
          (select array_agg(a.lexeme) from qt a where a.qid = x.qid) as terms
        from (
          select qid, lexeme,
            row_number() over (partition by qid order by df, lexeme) as rn
          from qt where df >= 2 and df <= ${cap}
        ) x
        where rn <= ${probe.terms}
        group by qid
      ),
      -- Materialised, and the probe fenced off (offset 0) from the other conditions: the planner
      -- cannot estimate a tsquery built at run time and would otherwise walk an index on
      -- created_at or status and test every earlier claim, instead of asking the GIN index.
      cand as materialized (
        select q.id as qid, m.id as mid, m.search, m.status, m.approved_at, p.terms
        from probe p join q on q.id = p.qid
        cross join lateral (
          select m.id, m.search, m.status, m.approved_at
          from (
            select m.id, m.search, m.article_id, m.created_at, m.status, m.approved_at
            from claims m where m.search @@ p.tq offset 0
          ) m
          where m.article_id <> q.article_id
            and m.created_at < q.created_at
            and m.status <> 'dismissed'
            and not exists (
              select 1 from claim_matches d
              where d.state = 'not_same'
                and ((d.claim_id = q.id and d.match_id = m.id)
                  or (d.claim_id = m.id and d.match_id = q.id)))
          limit ${probe.maxCandidates}
        ) m
      ),
      -- Only the lexemes a candidate shares with its query leave the candidate's vector.
      shared as (
        select c.qid, c.mid, c.status, c.approved_at, length(c.search) as length, u.lexeme, u.weights, qt.qw, qt.idf,
          (select sum(${weightCase(sql`w`, params)}) from unnest(u.weights) w) as tf
        from cand c
        cross join lateral (
          select u.lexeme, u.weights from unnest(c.search) u where u.lexeme = any(c.terms)
        ) u
        join qt on qt.qid = c.qid and qt.lexeme = u.lexeme
      ),
      scored as (
        select s.qid, s.mid, s.status, s.approved_at, s.length,
          sum(s.qw * s.idf * s.tf * ${params.k1 + 1}::float8
            / (s.tf + ${params.k1}::float8 * (1 - ${params.b}::float8 + ${params.b}::float8 * s.length / ${avg}::float8))) as pre
        from shared s
        group by s.qid, s.mid, s.status, s.approved_at, s.length
      ),
      best as (
        -- Among equal scores (copies of one text), an appearance with a verdict comes first, the
        -- latest verdict first.
        select *, row_number() over (
          partition by qid order by pre desc, (status = 'approved') desc, approved_at desc nulls last, mid
        ) as rn from scored
      )
      -- The shared lexemes leave the vector again only for the candidates kept.
      select b.qid, b.mid, b.length,
        (select json_agg(json_build_array(u.lexeme, u.weights))
           from unnest(m.search) u where u.lexeme = any(p.terms)) as shared,
        m.text, m.values, m.speaker, m.status, m.rating,
        m.approved_at, a.id as article_id, a.title, a.outlet, a.published_on
      from best b join probe p on p.qid = b.qid
      join claims m on m.id = b.mid join articles a on a.id = m.article_id
      where b.rn <= ${keep}
      order by b.qid, b.rn`,
  );
}

/**
 * Ranks earlier claims of other articles for each of `ids`: candidates and a pre-rank in SQL, the
 * final score, reasons and strength in lib/claims/match. Answers every query id, best first, at
 * most `limit` each, and only those at or above `minScore`.
 */
export async function rankMatches(
  db: Executor,
  ids: readonly string[],
  settings: RankSettings,
  options: { limit: number; minScore: number },
): Promise<Map<string, Match[]>> {
  const out = new Map<string, Match[]>();
  if (ids.length === 0) return out;
  const { rows, corpus } = await loadQueries(db, ids);
  // The pre-rank is BM25 without the boosts: keep more than asked so a boost can lift a claim.
  const keep = Math.max(options.limit * 3, 20);
  const candidates = await loadCandidates(db, ids, corpus, settings, keep);
  const ctx = { stats: corpus, params: settings.params, boosts: settings.boosts };
  const queries = new Map(
    rows.map((row) => {
      const words = new Map((row.words ?? []).map(([word, lexeme]) => [lexeme, word]));
      const terms: QueryTerm[] = (row.terms ?? []).map(([lexeme, classes, df]) => ({
        lexeme,
        tf: weightedFrequency(classes, settings.params.weights),
        df: Number(df),
        queryWeight: settings.params.queryFrequency
          ? weightedFrequency(classes, settings.params.weights)
          : Math.max(...classes.map((c) => weightedFrequency([c], settings.params.weights))),
        word: words.get(lexeme),
      }));
      const self = selfScore(terms, Number(row.length), ctx);
      return [
        row.id,
        { terms, self, length: Number(row.length), values: row.values, speaker: row.speaker },
      ];
    }),
  );
  for (const id of ids) out.set(id, []);
  for (const c of candidates) {
    const query = queries.get(c.qid);
    if (!query) continue;
    const scored = scoreCandidate(
      query,
      {
        length: Number(c.length),
        values: c.values,
        speaker: c.speaker,
        shared: c.shared.map(([lexeme, classes]) => ({
          lexeme,
          tf: weightedFrequency(classes, settings.params.weights),
        })),
      },
      ctx,
    );
    if (scored.score < options.minScore) continue;
    out.get(c.qid)?.push({
      claimId: c.qid,
      score: scored.score,
      bm25: scored.bm25,
      strength: classifyScore(scored.score, settings.thresholds),
      reasons: scored.reasons,
      match: {
        id: c.mid,
        text: c.text,
        speaker: c.speaker,
        status: c.status,
        rating: c.rating,
        approvedAt: c.approved_at === null ? null : new Date(c.approved_at),
        article: {
          id: c.article_id,
          title: c.title,
          outlet: c.outlet,
          publishedOn: c.published_on,
        },
      },
    });
  }
  for (const [id, list] of out) {
    list.sort(
      (a, b) =>
        b.score - a.score ||
        // Among equal scores (copies of one text score 1 however their lengths differ), the one
        // with a verdict first, the latest verdict first.
        Number(b.match.status === "approved") - Number(a.match.status === "approved") ||
        (b.match.approvedAt?.getTime() ?? 0) - (a.match.approvedAt?.getTime() ?? 0) ||
        b.bm25 - a.bm25 ||
        a.match.id.localeCompare(b.match.id),
    );
    out.set(id, list.slice(0, options.limit));
  }
  return out;
}
