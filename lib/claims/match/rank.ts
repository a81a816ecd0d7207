// A candidate's final score, its reasons and its strength: BM25 relative to the query claim's own
// score, lifted where values or the speaker agree. Pure; the service supplies the counts.

import {
  BM25_DEFAULTS,
  type Bm25Params,
  bm25,
  type CorpusStats,
  type TermCount,
  termScore,
} from "./bm25";
import { sameSpeaker } from "./speaker";
import { compareValues } from "./values";

export interface MatchReasons {
  sharedTerms: string[];
  agreeingValues: string[];
  sameSpeaker: string | null;
}

export type MatchStrength = "suggest" | "strong";

export interface Thresholds {
  /** At or above: stored as a suggestion and shown under "Seen before". */
  suggest: number;
  /** At or above: shown as very likely the same claim. */
  strong: number;
}

export interface Boosts {
  /** Added share of the lexical score per agreeing value (at most two count). */
  value: number;
  /** Added share of the lexical score when the speaker is the same. */
  speaker: number;
  /** Share taken off when both give figures (or full dates) and none agree. */
  conflict: number;
}

export const BOOST_DEFAULTS: Boosts = { value: 0.25, speaker: 0.1, conflict: 0.3 };

/** A lexeme of the query claim: how the query holds it and how many claims do. */
export interface QueryTerm {
  lexeme: string;
  tf: number;
  df: number;
  /** The weight of the best part of the query it is in (text, speaker, values). */
  queryWeight: number;
  /** The word as written in the query claim, for the reasons; the lexeme when unknown. */
  word?: string;
}

export interface MatchSide {
  /** Distinct lexemes in its search document. */
  length: number;
  values: Record<string, unknown> | null;
  speaker: string | null;
}

export interface Candidate extends MatchSide {
  /** The candidate's frequency of each query lexeme it holds (weighted by part). */
  shared: ReadonlyArray<{ lexeme: string; tf: number }>;
}

export interface RankContext {
  stats: CorpusStats;
  params?: Bm25Params;
  boosts?: Boosts;
}

/** The query claim's score against itself: the most any candidate can reach lexically. */
export function selfScore(query: readonly QueryTerm[], length: number, ctx: RankContext): number {
  return bm25(query, length, ctx.stats, ctx.params ?? BM25_DEFAULTS);
}

export interface Scored {
  /** The raw BM25 score. */
  bm25: number;
  /** 0..1: BM25 relative to the query's own, with boosts; comparable across queries. */
  score: number;
  reasons: MatchReasons;
}

const MAX_SHARED_TERMS = 8;

/** Scores one candidate for a query claim. */
export function scoreCandidate(
  query: { terms: readonly QueryTerm[]; self: number } & MatchSide,
  candidate: Candidate,
  ctx: RankContext,
): Scored {
  const params = ctx.params ?? BM25_DEFAULTS;
  const boosts = ctx.boosts ?? BOOST_DEFAULTS;
  const byLexeme = new Map(query.terms.map((t) => [t.lexeme, t]));
  const contributions: Array<{ word: string; score: number }> = [];
  let raw = 0;
  for (const s of candidate.shared) {
    const q = byLexeme.get(s.lexeme);
    if (!q) continue;
    const term: TermCount = { tf: s.tf, df: q.df };
    const part = q.queryWeight * termScore(term, candidate.length, ctx.stats, params);
    raw += part;
    contributions.push({ word: q.word ?? s.lexeme, score: part });
  }
  const values = compareValues(query.values, candidate.values);
  const speaker = sameSpeaker(query.speaker, candidate.speaker);
  const base = query.self > 0 ? Math.min(1, raw / query.self) : 0;
  const lift =
    1 + boosts.value * Math.min(2, values.agreeing.length) + (speaker ? boosts.speaker : 0);
  const damp = values.conflicting ? 1 - boosts.conflict : 1;
  const score = Math.max(0, Math.min(1, base * lift * damp));
  contributions.sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));
  const sharedTerms = [...new Set(contributions.map((c) => c.word))].slice(0, MAX_SHARED_TERMS);
  return {
    bm25: raw,
    score,
    reasons: { sharedTerms, agreeingValues: values.agreeing, sameSpeaker: speaker },
  };
}

/** "strong", "suggest", or null below the suggestion threshold. */
export function classifyScore(score: number, thresholds: Thresholds): MatchStrength | null {
  if (score >= thresholds.strong) return "strong";
  if (score >= thresholds.suggest) return "suggest";
  return null;
}
