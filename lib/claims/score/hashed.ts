/**
 * Fast scoring path: the same features as sentenceFeatures, but hashed (two independent 32-bit
 * hashes, i.e. a 64-bit key) instead of materialised as strings. Weights live in an
 * open-addressing table; a per-call scratch table de-duplicates features (they are binary) and
 * counts them for the row normalisation. tests/unit/claims/score.test.ts checks that both paths
 * give the same logit.
 */
import type { SentenceTags } from "../nlp";
import { entityFeatures, forEachTag, POS_START } from "./features";
import type { FeatureConfig } from "./model-format";

const SEED1 = 0x811c9dc5 | 0;
const SEED2 = 0x9747b28c | 0;
const SPACE = 32;
const UNDERSCORE = 95;
const TILDE = 126;

function h1(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
function h2(h: number, c: number): number {
  const x = Math.imul(h ^ c, 0x5bd1e995);
  return x ^ (x >>> 15);
}
function feed1(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) x = h1(x, s.charCodeAt(i));
  return x;
}
function feed2(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) x = h2(x, s.charCodeAt(i));
  return x;
}
function slotOf(a: number, mask: number): number {
  return (a ^ (a >>> 16) ^ Math.imul(a, 0x27d4eb2d)) & mask;
}

/**
 * Open-addressing table from a 64-bit feature key (two 32-bit hashes) to a weight. Each slot is
 * 16 bytes in one buffer (key halves and weight side by side), so a lookup touches one cache line:
 * with ~100,000 features the table is megabytes, and a sentence makes hundreds of lookups while
 * wink's data competes for the cache. The all-zero key marks an empty slot.
 */
export class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float64Array;
  private readonly mask: number;

  /** From newline-joined names and their weights in the same order (CheckworthinessJson). */
  constructor(names: string, weights: number[]) {
    let size = 1024;
    while (size < weights.length * 2) size *= 2;
    this.mask = size - 1;
    const buffer = new ArrayBuffer(size * 16);
    this.keys = new Int32Array(buffer);
    this.values = new Float64Array(buffer);
    let from = 0;
    for (let k = 0; k < weights.length; k++) {
      let to = names.indexOf("\n", from);
      if (to < 0) to = names.length;
      // Hash the name in place, as feed1/feed2 would hash names.slice(from, to).
      let a = SEED1;
      let b = SEED2;
      for (let c = from; c < to; c++) {
        a = h1(a, names.charCodeAt(c));
        b = h2(b, names.charCodeAt(c));
      }
      if (a === 0 && b === 0) throw new Error(`model name ${names.slice(from, to)} hashes to 0`);
      const i = this.find(a, b);
      this.keys[4 * i] = a;
      this.keys[4 * i + 1] = b;
      this.values[2 * i + 1] = (this.values[2 * i + 1] as number) + (weights[k] as number);
      from = to + 1;
    }
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private find(a: number, b: number): number {
    const keys = this.keys;
    let i = slotOf(a, this.mask);
    for (;;) {
      const ka = keys[4 * i] as number;
      const kb = keys[4 * i + 1] as number;
      if ((ka === a && kb === b) || (ka === 0 && kb === 0)) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The weight of the key, or NaN when the table does not hold it. */
  lookup(a: number, b: number): number {
    const i = this.find(a, b);
    const k = 4 * i;
    return this.keys[k] === 0 && this.keys[k + 1] === 0
      ? Number.NaN
      : (this.values[2 * i + 1] as number);
  }

  get(a: number, b: number): number {
    const w = this.lookup(a, b);
    return Number.isNaN(w) ? 0 : w;
  }
}

/** Per-call set of feature keys; cleared in O(1) by bumping a stamp. */
export class Scratch {
  k1 = new Int32Array(0);
  k2 = new Int32Array(0);
  stamp = new Int32Array(0);
  mask = 0;
  current = 0;
  /** Per-token hashes of the tokens and of the bigrams ending at them, reused across calls. */
  tok1 = new Int32Array(64);
  tok2 = new Int32Array(64);
  big1 = new Int32Array(64);
  big2 = new Int32Array(64);

  reset(capacity: number): void {
    let size = 256;
    while (size < capacity * 2) size *= 2;
    if (size > this.stamp.length) {
      this.k1 = new Int32Array(size);
      this.k2 = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.mask = size - 1;
      this.current = 0;
    }
    this.current++;
    if (this.current === 0x7fffffff) {
      this.stamp.fill(0);
      this.current = 1;
    }
  }

  /** true if the key was not yet in the set (and adds it). */
  add(a: number, b: number): boolean {
    let i = slotOf(a, this.mask);
    while (this.stamp[i] === this.current) {
      if (this.k1[i] === a && this.k2[i] === b) return false;
      i = (i + 1) & this.mask;
    }
    this.stamp[i] = this.current;
    this.k1[i] = a;
    this.k2[i] = b;
    return true;
  }
}

const BOS1 = feed1(SEED1, "<s>");
const BOS2 = feed2(SEED2, "<s>");
const EOS = "</s>";

const CARET = 94;
// "^^" and "^^ ^": the boundary's unigram prefix and the bigram before the first tag.
const TAG_START1 = feed1(h1(SEED1, CARET), POS_START);
const TAG_START2 = feed2(h2(SEED2, CARET), POS_START);
const TAG_BIGRAM1 = feed1(h1(TAG_START1, SPACE), POS_START);
const TAG_BIGRAM2 = feed2(h2(TAG_START2, SPACE), POS_START);

/**
 * The hashed path of tagFeatures: each n-gram's hash extends the one before it (`^p1 t` from
 * `^p1`, `^p2 p1 t` from `^p2 p1`), so no string is built for them; the few entity features
 * are hashed from their names.
 */
function emitTags(tags: SentenceTags, emit: (a: number, b: number) => void): void {
  // Hashes of "^p1" and of the bigram "^p2 p1" before the current tag.
  let u1 = TAG_START1;
  let u2 = TAG_START2;
  let g1 = TAG_BIGRAM1;
  let g2 = TAG_BIGRAM2;
  forEachTag(tags, (t) => {
    const b1 = feed1(h1(u1, SPACE), t);
    const b2 = feed2(h2(u2, SPACE), t);
    emit(b1, b2);
    emit(feed1(h1(g1, SPACE), t), feed2(h2(g2, SPACE), t));
    u1 = feed1(h1(SEED1, CARET), t);
    u2 = feed2(h2(SEED2, CARET), t);
    g1 = b1;
    g2 = b2;
  });
  for (const name of entityFeatures(tags)) emit(feed1(SEED1, name), feed2(SEED2, name));
}

/**
 * Sum of weights and number of distinct sparse features of a sentence (hashed path), and the sum
 * and number of its tokens that have a word score. Hashes are built by extension (a bigram's from
 * its first token's, a trigram's from its bigram's), so no feature string is allocated.
 */
export function hashedSum(
  toks: string[],
  cues: string[],
  tags: SentenceTags | null,
  config: FeatureConfig,
  table: WeightTable,
  words: WeightTable | null,
  scratch: Scratch,
): { sum: number; count: number; wordSum: number; wordCount: number } {
  const n = toks.length;
  // Upper bound of the feature count, to size the scratch set.
  let cap = 3 * n + cues.length + 8;
  if (tags) cap += 2 * tags.pos.length + tags.entities.length + 2;
  if (config.charNgrams.length > 0) {
    for (let i = 0; i < n; i++) cap += config.charNgrams.length * ((toks[i] as string).length + 2);
  }
  scratch.reset(cap);
  let sum = 0;
  let count = 0;
  const emit = (a: number, b: number) => {
    if (scratch.add(a, b)) {
      count++;
      sum += table.get(a, b);
    }
  };
  if (scratch.tok1.length < n + 1) {
    scratch.tok1 = new Int32Array(n * 2 + 2);
    scratch.tok2 = new Int32Array(n * 2 + 2);
    scratch.big1 = new Int32Array(n * 2 + 2);
    scratch.big2 = new Int32Array(n * 2 + 2);
  }
  const t1 = scratch.tok1;
  const t2 = scratch.tok2;
  let wordSum = 0;
  let wordCount = 0;
  for (let i = 0; i < n; i++) {
    const t = toks[i] as string;
    const a = feed1(SEED1, t);
    const b = feed2(SEED2, t);
    t1[i] = a;
    t2[i] = b;
    emit(a, b);
    if (words) {
      const w = words.lookup(a, b);
      if (!Number.isNaN(w)) {
        wordSum += w;
        wordCount++;
      }
    }
  }
  if (config.ngram >= 2) {
    // big[i]: the bigram ending at token i ("<s> t0" for i = 0).
    const g1 = scratch.big1;
    const g2 = scratch.big2;
    let a = BOS1;
    let b = BOS2;
    for (let i = 0; i < n; i++) {
      const t = toks[i] as string;
      g1[i] = feed1(h1(a, SPACE), t);
      g2[i] = feed2(h2(b, SPACE), t);
      emit(g1[i] as number, g2[i] as number);
      a = t1[i] as number;
      b = t2[i] as number;
    }
    emit(feed1(h1(a, SPACE), EOS), feed2(h2(b, SPACE), EOS));
    if (config.ngram >= 3) {
      // The trigram ending at token i (or at the end mark, i = n) extends the bigram before it.
      for (let i = 1; i <= n; i++) {
        const t = i < n ? (toks[i] as string) : EOS;
        emit(feed1(h1(g1[i - 1] as number, SPACE), t), feed2(h2(g2[i - 1] as number, SPACE), t));
      }
    }
  }
  if (config.charNgrams.length > 0) {
    for (let i = 0; i < n; i++) {
      const t = toks[i] as string;
      if (t.length < 2 || t.charCodeAt(0) < 97) continue;
      const len = t.length + 2;
      for (const k of config.charNgrams) {
        for (let j = 0; j + k <= len; j++) {
          let a = h1(SEED1, TILDE);
          let b = h2(SEED2, TILDE);
          for (let q = j; q < j + k; q++) {
            const c = q === 0 || q === len - 1 ? UNDERSCORE : t.charCodeAt(q - 1);
            a = h1(a, c);
            b = h2(b, c);
          }
          emit(a, b);
        }
      }
    }
  }
  for (const c of cues) emit(feed1(SEED1, c), feed2(SEED2, c));
  if (tags) emitTags(tags, emit);
  return { sum, count, wordSum, wordCount };
}
