// BM25 over claims' search documents (claims.search): the arithmetic only, no I/O. The service
// feeds it the counts PostgreSQL keeps (claim_terms.df, claim_search_stats), so the same formula
// ranks in SQL (pre-rank of candidates) and here (final score and reasons).

/** The search document's weight classes: A the claim text, B the speaker, C the values. */
export type WeightClass = "A" | "B" | "C" | "D";

export interface Bm25Params {
  /** Term-frequency saturation: how quickly a repeated term stops adding to the score. */
  k1: number;
  /** Length normalisation: 0 ignores a document's length, 1 divides by it fully. */
  b: number;
  /** How much one occurrence counts in each part of the document. */
  weights: Record<WeightClass, number>;
}

/**
 * Chosen on the CheckThat! 2020 claim-retrieval train split (lib/claims/model/DATA_CARD.md,
 * "Claim matching"). Claims are short, so length matters less than in long documents (b below
 * the usual 0.75); a speaker's name counts less than the same word in the claim's text, because
 * the text usually names the speaker already.
 */
export const BM25_DEFAULTS: Bm25Params = {
  k1: 1.2,
  b: 0.75,
  weights: { A: 1, B: 0.5, C: 0.5, D: 0.5 },
};

export interface CorpusStats {
  /** Claims counted (claim_search_stats.docs). */
  docs: number;
  /** Their summed lengths in distinct lexemes (claim_search_stats.lexemes). */
  lexemes: number;
}

/** One term of a document as BM25 sees it. */
export interface TermCount {
  /** Occurrences weighted by their class (`weightedFrequency`). */
  tf: number;
  /** Claims holding the term. */
  df: number;
}

/**
 * Robertson–Spärck Jones idf with the +1 inside the logarithm (as Lucene), so a term held by more
 * than half the claims still counts a little instead of going negative.
 */
export function idf(df: number, docs: number): number {
  const n = Math.max(docs, df, 1);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Occurrences of a lexeme weighted by the part of the document each occurrence is in. */
export function weightedFrequency(
  classes: readonly string[],
  weights: Record<WeightClass, number>,
): number {
  let tf = 0;
  for (const c of classes) tf += weights[(c as WeightClass) in weights ? (c as WeightClass) : "D"];
  return tf;
}

/** The average document length, never zero. */
export function averageLength(stats: CorpusStats): number {
  return stats.docs > 0 && stats.lexemes > 0 ? stats.lexemes / stats.docs : 1;
}

/** The contribution of one shared term to a document's score. */
export function termScore(
  term: TermCount,
  docLength: number,
  stats: CorpusStats,
  params: Bm25Params = BM25_DEFAULTS,
): number {
  if (term.tf <= 0) return 0;
  const norm = params.k1 * (1 - params.b + (params.b * docLength) / averageLength(stats));
  return (idf(term.df, stats.docs) * (term.tf * (params.k1 + 1))) / (term.tf + norm);
}

/**
 * A document's BM25 score for a query: the sum over the terms both hold. `queryWeight` scales
 * each term by how the query holds it (a term of the query's text counts more than one only in
 * its values).
 */
export function bm25(
  terms: ReadonlyArray<TermCount & { queryWeight?: number }>,
  docLength: number,
  stats: CorpusStats,
  params: Bm25Params = BM25_DEFAULTS,
): number {
  let score = 0;
  for (const term of terms) {
    score += (term.queryWeight ?? 1) * termScore(term, docLength, stats, params);
  }
  return score;
}
