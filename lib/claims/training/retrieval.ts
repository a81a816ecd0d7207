/**
 * Claim retrieval in the CheckThat! 2020 Task 2 format (claims:match-eval): reading the
 * verified-claims, queries and qrels files, the run file, and MAP@5, MRR and P@1. Pure.
 */

export class RetrievalFormatError extends Error {}

export interface VerifiedClaim {
  id: string;
  claim: string;
  title: string;
}

export interface RetrievalQuery {
  id: string;
  text: string;
}

/** Relevant candidate ids per query id. */
export type Qrels = Map<string, Set<string>>;

function rows(content: string, columns: number, what: string): string[][] {
  const lines = content.split(/\r?\n/u).filter((line) => line.trim() !== "");
  const out: string[][] = [];
  lines.forEach((line, i) => {
    const cells = line.split("\t");
    // The files open with a header line whose first cell is empty or a name.
    if (i === 0 && !/^\d+$/u.test(cells[0] ?? "")) return;
    if (cells.length < columns) {
      throw new RetrievalFormatError(
        `${what} line ${i + 1}: expected ${columns} tab-separated columns`,
      );
    }
    out.push(cells);
  });
  return out;
}

/** `vclaim_id<TAB>vclaim<TAB>title`, a header line first. */
export function parseVerifiedClaims(content: string): VerifiedClaim[] {
  return rows(content, 2, "candidates").map(([id, claim, title]) => ({
    id: id as string,
    claim: (claim as string).trim(),
    title: (title ?? "").trim(),
  }));
}

/** `query_id<TAB>text`, a header line first. */
export function parseQueries(content: string): RetrievalQuery[] {
  return rows(content, 2, "queries").map(([id, text]) => ({
    id: id as string,
    text: (text as string).trim(),
  }));
}

/** `query_id 0 candidate_id relevance`, whitespace-separated; relevance 0 is not relevant. */
export function parseQrels(content: string): Qrels {
  const qrels: Qrels = new Map();
  content
    .split(/\r?\n/u)
    .filter((line) => line.trim() !== "")
    .forEach((line, i) => {
      const cells = line.trim().split(/\s+/u);
      if (cells.length < 4) {
        throw new RetrievalFormatError(
          `qrels line ${i + 1}: expected query_id 0 candidate_id relevance`,
        );
      }
      const [query, , candidate, relevance] = cells as [string, string, string, string];
      if (Number(relevance) <= 0) return;
      const set = qrels.get(query) ?? new Set<string>();
      set.add(candidate);
      qrels.set(query, set);
    });
  return qrels;
}

export interface Ranked {
  candidateId: string;
  score: number;
}

export interface RetrievalMetrics {
  map5: number;
  mrr: number;
  p_at_1: number;
  n: number;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Average precision of the top `k`, over all the query's relevant candidates (as the lab's scorer). */
export function averagePrecisionAt(ranked: readonly string[], relevant: Set<string>, k: number) {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

/** MAP@5, MRR and P@1 over the queries that have relevant candidates; a query ranked nothing counts 0. */
export function retrievalMetrics(
  runs: Map<string, readonly Ranked[]>,
  qrels: Qrels,
): RetrievalMetrics {
  let map = 0;
  let mrr = 0;
  let p1 = 0;
  let n = 0;
  for (const [query, relevant] of qrels) {
    n++;
    const ranked = (runs.get(query) ?? []).map((r) => r.candidateId);
    map += averagePrecisionAt(ranked, relevant, 5);
    const first = ranked.findIndex((id) => relevant.has(id));
    if (first >= 0) mrr += 1 / (first + 1);
    if (ranked[0] !== undefined && relevant.has(ranked[0])) p1++;
  }
  const mean = (x: number) => (n === 0 ? 0 : round4(x / n));
  return { map5: mean(map), mrr: mean(mrr), p_at_1: mean(p1), n };
}

/** TREC run lines `query_id Q0 candidate_id rank score tag`, the top `k` of each query. */
export function formatRun(runs: Map<string, readonly Ranked[]>, tag: string, k = 5): string {
  const lines: string[] = [];
  for (const [query, ranked] of runs) {
    ranked.slice(0, k).forEach((r, i) => {
      lines.push(`${query} Q0 ${r.candidateId} ${i + 1} ${r.score.toFixed(6)} ${tag}`);
    });
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
