/**
 * The claim-retrieval evaluation (claims:match-eval) on a database of its own: verified claims
 * become approved claims, each of an article of its own, and each query (a post) a claim of its
 * own later article, ranked by the matching service's own code (rankMatches).
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cleanPostText } from "@/lib/claims/match";
import type {
  Qrels,
  Ranked,
  RetrievalMetrics,
  RetrievalQuery,
  VerifiedClaim,
} from "@/lib/claims/training/retrieval";
import { retrievalMetrics } from "@/lib/claims/training/retrieval";
import { type RankSettings, rankMatches } from "./rank-matches";

interface Doc {
  key: string;
  title: string;
  outlet: string;
  text: string;
  status: "approved" | "open";
}

const CHUNK = 2000;

/** The first `n` characters, never half of a surrogate pair (which JSON for the database refuses). */
const cut = (text: string, n: number) => Array.from(text).slice(0, n).join("");

/**
 * Inserts one article and one claim per document, in chunks of set-based statements, and answers
 * the claim id of each key. The whole text is the claim: body and claim span coincide.
 */
async function insertDocs(db: Executor, docs: Doc[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < docs.length; i += CHUNK) {
    const rows = docs.slice(i, i + CHUNK).map((d) => {
      const claimId = crypto.randomUUID();
      ids.set(d.key, claimId);
      return {
        articleId: crypto.randomUUID(),
        claimId,
        title: cut(d.title, 300) || cut(d.text, 80),
        outlet: d.outlet,
        text: d.text,
        status: d.status,
      };
    });
    await db.execute(sql`
      with r as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r("articleId" uuid, "claimId" uuid, title text, outlet text, text text, status text)
      ),
      a as (
        insert into articles (id, title, outlet, body, body_hash)
        select r."articleId", r.title, r.outlet, r.text, md5(r."articleId"::text) from r
        returning id
      )
      insert into claims (id, article_id, text, start, "end", kind, status, rating, approved_at, origin)
      select r."claimId", a.id, r.text, 0, length(r.text), 'statement', r.status::claim_status,
        case when r.status = 'approved' then 'false'::rating end,
        case when r.status = 'approved' then now() end, 'manual'
      from r join a on a.id = r."articleId"`);
  }
  return ids;
}

export interface RetrievalCorpus {
  /** Claim id → candidate id. */
  candidateOf: Map<string, string>;
  /** Query id → its claim id. */
  queryClaims: Map<string, string>;
}

/**
 * Loads the candidates, then the queries (a later transaction, so every candidate is earlier).
 * A verified claim's text is the claim followed by its title (the headline of the page that
 * checked it, which restates the claim in other words); a query's text is cleaned of links and
 * has its hashtags and handles split into words (cleanPostText).
 */
export async function loadRetrievalCorpus(
  db: Executor,
  candidates: VerifiedClaim[],
  queries: RetrievalQuery[],
): Promise<RetrievalCorpus> {
  const candidateIds = await insertDocs(
    db,
    candidates.map((c) => ({
      key: `c${c.id}`,
      title: c.title,
      outlet: "Verified claims",
      text: c.title ? `${c.claim} ${c.title}` : c.claim,
      status: "approved",
    })),
  );
  const queryIds = await insertDocs(
    db,
    queries.map((q) => ({
      key: `q${q.id}`,
      title: "",
      outlet: "Posts",
      text: cleanPostText(q.text) || q.text,
      status: "open",
    })),
  );
  const candidateOf = new Map<string, string>();
  for (const c of candidates) {
    const id = candidateIds.get(`c${c.id}`);
    if (id) candidateOf.set(id, c.id);
  }
  const queryClaims = new Map<string, string>();
  for (const q of queries) {
    const id = queryIds.get(`q${q.id}`);
    if (id) queryClaims.set(q.id, id);
  }
  return { candidateOf, queryClaims };
}

/** Ranks every query (in batches, as an import does) and scores the top five against the qrels. */
export async function evaluateRetrieval(
  db: Executor,
  corpus: RetrievalCorpus,
  qrels: Qrels,
  settings: RankSettings,
  batch = 50,
): Promise<{ metrics: RetrievalMetrics; runs: Map<string, Ranked[]> }> {
  const runs = new Map<string, Ranked[]>();
  const entries = [...corpus.queryClaims];
  for (let i = 0; i < entries.length; i += batch) {
    const part = entries.slice(i, i + batch);
    const ranked = await rankMatches(
      db,
      part.map(([, claimId]) => claimId),
      settings,
      { limit: 5, minScore: 0 },
    );
    for (const [queryId, claimId] of part) {
      runs.set(
        queryId,
        (ranked.get(claimId) ?? []).flatMap((m) => {
          const candidateId = corpus.candidateOf.get(m.match.id);
          return candidateId === undefined ? [] : [{ candidateId, score: m.score }];
        }),
      );
    }
  }
  return { metrics: retrievalMetrics(runs, qrels), runs };
}
