/**
 * Check-worthiness scorer: a linear model over word n-grams, hand-written claim cues and,
 * optionally, averaged word vectors and wink-nlp's tags (see FeatureConfig), trained by
 * lib/cli/claims-train.ts on the CheckThat! 2024 (ClaimBuster) English data.
 * See lib/claims/model/DATA_CARD.md for data, terms, hyper-parameters and metrics.
 *
 * Pure: no fs, no network. The weights are a static JSON import, so this module works under
 * tsx, vitest and a Next.js server bundle alike.
 */
import model from "./model/checkworthiness.json";
import { readTags, type SentenceTags } from "./nlp";

/** Feature-extraction settings; stored in the model JSON so training and scoring always agree. */
export interface FeatureConfig {
  /** Longest word n-gram (1 = unigrams only, 2 = uni+bigrams, 3 = up to trigrams). */
  ngram: number;
  /** Character n-gram lengths taken inside words (with `_` boundary marks); [] = none. */
  charNgrams: number[];
  /** Add the hand-written claim cues (`#…` features). */
  cues: boolean;
  /** Divide the summed weights by sqrt(number of features of the sentence). */
  rowNorm?: boolean;
  /** Add the mean of the sentence's word vectors (GloVe, see lib/cli/claims-embeddings.ts). */
  embeddings?: boolean;
  /**
   * Add wink-nlp's reading of the sentence: part-of-speech bi- and trigrams (`^…`) and the named
   * entity types with their count (`#@DATE1`, `#@CARDINAL2+`…).
   */
  tags?: boolean;
}

export interface CheckworthinessModel {
  version: number;
  threshold: number;
  bias: number;
  config: FeatureConfig;
  weights: Record<string, number>;
  /**
   * With `config.embeddings`: each word's share of the logit, the dot product of its word vector
   * with the (standardised) weights of the mean-vector features. A linear model over the mean of
   * the vectors adds the mean of these scalars, so no vector is needed at run time. The tokens of
   * the sentence found here are averaged; a sentence without any adds nothing.
   */
  wordScores?: Record<string, number>;
}

/**
 * The committed file (lib/claims/model/checkworthiness.json): names and numbers in parallel, the
 * names joined by newlines. Two hundred thousand object keys took the app (tsx) about 0.75 s and
 * a hundred MB to load; a string and an array of numbers take less than half of that.
 */
export interface CheckworthinessJson {
  version: 3;
  threshold: number;
  bias: number;
  config: FeatureConfig;
  /** Sparse feature names, joined by "\n"; `weights` holds their weights in the same order. */
  features: string;
  weights: number[];
  /** Words with a score, joined by "\n"; `wordScores` in the same order (with embeddings). */
  words?: string;
  wordScores?: number[];
}

function joinNames(record: Record<string, number>): { names: string; values: number[] } {
  const names = Object.keys(record);
  for (const name of names) {
    if (name.includes("\n"))
      throw new Error(`model name with a line break: ${JSON.stringify(name)}`);
  }
  return { names: names.join("\n"), values: Object.values(record) };
}

function splitNames(names: string, values: number[]): Record<string, number> {
  if (values.length === 0) return {};
  // fromEntries makes own properties even of names such as "__proto__".
  return Object.fromEntries(names.split("\n").map((name, i) => [name, values[i] as number]));
}

export function toModelJson(m: CheckworthinessModel): CheckworthinessJson {
  const sparse = joinNames(m.weights);
  const json: CheckworthinessJson = {
    version: 3,
    threshold: m.threshold,
    bias: m.bias,
    config: m.config,
    features: sparse.names,
    weights: sparse.values,
  };
  if (m.wordScores) {
    const words = joinNames(m.wordScores);
    json.words = words.names;
    json.wordScores = words.values;
  }
  return json;
}

export function fromModelJson(json: CheckworthinessJson): CheckworthinessModel {
  const m: CheckworthinessModel = {
    version: json.version,
    threshold: json.threshold,
    bias: json.bias,
    config: json.config,
    weights: splitNames(json.features, json.weights),
  };
  if (json.wordScores) m.wordScores = splitNames(json.words ?? "", json.wordScores);
  return m;
}

const YEAR = /^(1[6-9]|20)\d\d$/;
const TOKEN = /[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[$%?!"]/g;

const OPINION_VERBS = new Set(["think", "believe", "feel", "hope", "guess", "suppose", "know"]);
const MODALS = new Set([
  "will",
  "would",
  "should",
  "could",
  "might",
  "must",
  "shall",
  "can",
  "may",
  "ll",
  "gonna",
]);
const MONEY_WORDS = new Set(["dollars", "dollar", "cents", "budget", "tax", "taxes", "deficit"]);
const MAGNITUDE = new Set(["million", "millions", "billion", "billions", "trillion", "thousand"]);
const PERCENT_WORDS = new Set(["percent", "per", "cent", "percentage", "%"]);
const NUMBER_WORDS = new Set([
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "fifteen",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
  "hundred",
  "hundreds",
  "thousands",
  "half",
  "twice",
  "double",
  "triple",
  "dozen",
]);
const COMPARATIVES = new Set([
  "more",
  "less",
  "fewer",
  "most",
  "least",
  "higher",
  "lower",
  "highest",
  "lowest",
  "larger",
  "largest",
  "bigger",
  "biggest",
  "greater",
  "greatest",
  "better",
  "best",
  "worse",
  "worst",
  "increase",
  "increased",
  "decrease",
  "decreased",
  "doubled",
  "tripled",
  "rose",
  "fell",
  "cut",
  "raised",
  "grew",
  "dropped",
  "record",
  "only",
  "first",
  "every",
  "never",
  "ever",
]);
const TIME_WORDS = new Set([
  "year",
  "years",
  "months",
  "since",
  "ago",
  "last",
  "today",
  "during",
  "administration",
  "january",
  "february",
  "march",
  "april",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
]);
const FIRST_PERSON = new Set(["i", "me", "my", "i'm", "i've", "i'd", "i'll", "we", "our", "us"]);
const SECOND_PERSON = new Set(["you", "your", "you're", "you've"]);
const PAST_AUX = new Set(["was", "were", "had", "did", "has", "have", "voted", "said", "passed"]);
const STOP_START = new Set([
  "thank",
  "thanks",
  "well",
  "yes",
  "no",
  "okay",
  "ok",
  "good",
  "let",
  "look",
  "please",
]);

const F_MONEY = 1;
const F_MAGNITUDE = 2;
const F_PERCENT = 4;
const F_NUMBER = 8;
const F_COMPARATIVE = 16;
const F_TIME = 32;
const F_MODAL = 64;
const F_PAST = 128;
const F_FIRST = 256;
const F_SECOND = 512;
const F_OPINION = 1024;

/** One lookup per token: word -> bit set of the cue lists it belongs to. */
const CUE_FLAGS = new Map<string, number>();
for (const [words, flag] of [
  [MONEY_WORDS, F_MONEY],
  [new Set(["$"]), F_MONEY],
  [MAGNITUDE, F_MAGNITUDE],
  [PERCENT_WORDS, F_PERCENT],
  [NUMBER_WORDS, F_NUMBER],
  [COMPARATIVES, F_COMPARATIVE],
  [TIME_WORDS, F_TIME],
  [MODALS, F_MODAL],
  [PAST_AUX, F_PAST],
  [FIRST_PERSON, F_FIRST],
  [SECOND_PERSON, F_SECOND],
  [OPINION_VERBS, F_OPINION],
] as const) {
  for (const w of words) CUE_FLAGS.set(w, (CUE_FLAGS.get(w) ?? 0) | flag);
}

function lengthBucket(n: number): string {
  if (n < 4) return "#len<4";
  if (n < 8) return "#len<8";
  if (n < 13) return "#len<13";
  if (n < 20) return "#len<20";
  if (n < 30) return "#len<30";
  return "#len30+";
}

function countBucket(prefix: string, n: number): string {
  return `${prefix}${n >= 3 ? "3+" : String(n)}`;
}

/**
 * Features of one sentence, as strings (duplicates removed). Word tokens are lower-cased;
 * numbers become `<num>` / `<year>`; `<s>` and `</s>` mark the sentence ends in n-grams.
 */
export function sentenceFeatures(
  sentence: string,
  config: FeatureConfig,
  tags?: SentenceTags,
): string[] {
  const { toks, cues } = analyse(sentence, config.cues);
  const feats = new Set<string>();
  const n = toks.length;
  for (let i = 0; i < n; i++) feats.add(toks[i] as string);
  if (config.ngram >= 2) {
    let prev = "<s>";
    for (let i = 0; i < n; i++) {
      const t = toks[i] as string;
      feats.add(`${prev} ${t}`);
      prev = t;
    }
    feats.add(`${prev} </s>`);
  }
  if (config.ngram >= 3) {
    let p2 = "<s>";
    let p1 = n > 0 ? (toks[0] as string) : "</s>";
    for (let i = 1; i <= n; i++) {
      const t = i < n ? (toks[i] as string) : "</s>";
      feats.add(`${p2} ${p1} ${t}`);
      p2 = p1;
      p1 = t;
    }
  }
  if (config.charNgrams.length > 0) {
    for (let i = 0; i < n; i++) {
      const t = toks[i] as string;
      if (t.length < 2 || t.charCodeAt(0) < 97) continue;
      const w = `_${t}_`;
      for (const k of config.charNgrams) {
        for (let j = 0; j + k <= w.length; j++) feats.add(`~${w.slice(j, j + k)}`);
      }
    }
  }
  for (const c of cues) feats.add(c);
  if (config.tags) for (const f of tagFeatures(tags ?? readTags(sentence))) feats.add(f);
  return [...feats];
}

const POS_START = "^";
const POS_END = "$";

/**
 * Features from wink's tags: part-of-speech bigrams and trigrams over the tokens that are not
 * punctuation or spaces, with `^` and `$` as boundary marks (all prefixed `^`), and for each named
 * entity type its count, 1 or 2+ (`#@TYPE…`, cues, so kept however rare).
 */
export function tagFeatures(tags: SentenceTags): string[] {
  const out: string[] = [];
  let p2 = POS_START;
  let p1 = POS_START;
  forEachTag(tags, (t) => {
    out.push(`^${p1} ${t}`, `^${p2} ${p1} ${t}`);
    p2 = p1;
    p1 = t;
  });
  out.push(...entityFeatures(tags));
  return out;
}

/** The part-of-speech tags the n-grams are made of, then the end mark. */
function forEachTag(tags: SentenceTags, visit: (tag: string) => void): void {
  for (const t of tags.pos) if (t !== "PUNCT" && t !== "SPACE") visit(t);
  visit(POS_END);
}

/** One feature per named-entity type: `#@TYPE1`, or `#@TYPE2+` for two or more. */
function entityFeatures(tags: SentenceTags): string[] {
  if (tags.entities.length === 0) return [];
  const counts = new Map<string, number>();
  for (const type of tags.entities) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `#@${type}${n >= 2 ? "2+" : "1"}`);
}

/** The tokens the features are built from: lower-cased words, `<num>`, `<year>`, `$ % ? !`. */
export function sentenceTokens(sentence: string): string[] {
  return analyse(sentence, false).toks;
}

/** Mean of the word scores of the tokens that have one; 0 when none has (reference path). */
function meanWordScore(toks: string[], scores: Record<string, number>): number {
  let sum = 0;
  let found = 0;
  for (const t of toks) {
    if (!Object.hasOwn(scores, t)) continue;
    sum += scores[t] as number;
    found++;
  }
  return found === 0 ? 0 : sum / found;
}

/** Tokens (see sentenceFeatures) and claim-cue features of a sentence. */
function analyse(sentence: string, withCues: boolean): { toks: string[]; cues: string[] } {
  const raw = sentence.match(TOKEN) ?? [];
  const toks: string[] = [];
  let caps = 0;
  let acronyms = 0;
  let digits = 0;
  let years = 0;
  let words = 0;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as string;
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (YEAR.test(t)) {
        years++;
        toks.push("<year>");
      } else {
        digits++;
        toks.push("<num>");
      }
      continue;
    }
    if (t === '"') continue;
    if (c >= 65 && c <= 90) {
      if (t.length > 1 && t === t.toUpperCase()) acronyms++;
      else if (words > 0 && t !== "I" && !t.startsWith("I'") && !t.startsWith("I’")) caps++;
    }
    if (c >= 65) words++;
    const lower = t.toLowerCase();
    toks.push(lower.includes("’") ? lower.replace("’", "'") : lower);
  }

  const feats: string[] = [];
  const n = toks.length;
  if (withCues) {
    let opinion = false;
    let modal = false;
    let money = false;
    let magnitude = false;
    let percent = false;
    let numWords = 0;
    let comparative = false;
    let superlative = false;
    let time = false;
    let first = 0;
    let second = 0;
    let past = false;
    for (let i = 0; i < n; i++) {
      const t = toks[i] as string;
      const flags = CUE_FLAGS.get(t) ?? 0;
      if (flags & F_MONEY) money = true;
      if (flags & F_MAGNITUDE) magnitude = true;
      if (flags & F_PERCENT) percent = true;
      if (flags & F_NUMBER) numWords++;
      if (flags & F_COMPARATIVE) comparative = true;
      if (t.length > 5 && t.endsWith("est") && !t.endsWith("rest")) superlative = true;
      if (flags & F_TIME) time = true;
      if (flags & F_MODAL) modal = true;
      if (flags & F_PAST || (t.length > 4 && t.endsWith("ed"))) past = true;
      if (flags & F_FIRST) first++;
      if (flags & F_SECOND) second++;
      if ((t === "i" || t === "we") && i + 1 < n) {
        if ((CUE_FLAGS.get(toks[i + 1] as string) ?? 0) & F_OPINION) opinion = true;
      }
    }
    feats.push(lengthBucket(words));
    feats.push(countBucket("#num", digits));
    feats.push(countBucket("#caps", caps));
    feats.push(countBucket("#acr", Math.min(acronyms, 1)));
    feats.push(countBucket("#numw", Math.min(numWords, 2)));
    feats.push(countBucket("#1p", first));
    feats.push(countBucket("#2p", second));
    if (years > 0) feats.push("#year");
    if (digits + years + numWords > 0) feats.push("#anynum");
    if (money) feats.push("#money");
    if (magnitude) feats.push("#magnitude");
    if (percent) feats.push("#percent");
    if (comparative) feats.push("#comparative");
    if (superlative) feats.push("#superlative");
    if (time) feats.push("#time");
    if (modal) feats.push("#modal");
    if (past) feats.push("#past");
    if (opinion) feats.push("#opinion");
    if (sentence.includes("?")) feats.push("#question");
    if (sentence.includes("!")) feats.push("#exclaim");
    if (n > 0 && STOP_START.has(toks[0] as string)) feats.push("#stopstart");
    if ((digits + years > 0 || numWords > 0) && (caps > 0 || acronyms > 0)) feats.push("#num&ent");
    if (past && caps > 0) feats.push("#past&ent");
  }
  return { toks, cues: feats };
}

// ---------------------------------------------------------------------------------------------
// Fast scoring path: the same features as sentenceFeatures, but hashed (two independent 32-bit
// hashes, i.e. a 64-bit key) instead of materialised as strings. Weights live in an
// open-addressing table; a per-call scratch table de-duplicates features (they are binary) and
// counts them for the row normalisation. tests/unit/claims/score.test.ts checks that both paths
// give the same logit.

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
class WeightTable {
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
class Scratch {
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
function hashedSum(
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

const committed = model as unknown as CheckworthinessJson;
const TABLE = new WeightTable(committed.features, committed.weights);
const WORDS = committed.config.embeddings
  ? new WeightTable(committed.words ?? "", committed.wordScores ?? [])
  : null;
const SCRATCH = new Scratch();
const BIAS = committed.bias;
const CONFIG: FeatureConfig = committed.config;

/** Probability-like cut-off above which a sentence counts as check-worthy. */
export const CHECKWORTHY_THRESHOLD: number = committed.threshold;

/**
 * Claims scoring below this are "low priority": kept, since they state a checkable fact, but
 * below the model's decision threshold, so a list may filter or collapse them.
 */
export const LOW_PRIORITY_BELOW: number = CHECKWORTHY_THRESHOLD;

/** True when a claim's check-worthiness score puts it in the low-priority band. */
export function isLowPriority(score: number): boolean {
  return score < LOW_PRIORITY_BELOW;
}

/**
 * Linear score (log-odds) of a sentence under the committed model. `tags` is wink's reading of the
 * sentence where the caller has it (the extractor); without it, a model that uses tags reads the
 * sentence itself.
 */
export function sentenceLogit(sentence: string, tags?: SentenceTags): number {
  const { toks, cues } = analyse(sentence, CONFIG.cues);
  const read = CONFIG.tags ? (tags ?? readTags(sentence)) : null;
  const { sum, count, wordSum, wordCount } = hashedSum(
    toks,
    cues,
    read,
    CONFIG,
    TABLE,
    WORDS,
    SCRATCH,
  );
  const sparse = CONFIG.rowNorm ? sum / Math.sqrt(Math.max(count, 1)) : sum;
  return BIAS + sparse + (wordCount > 0 ? wordSum / wordCount : 0);
}

let committedModel: CheckworthinessModel | undefined;

function committedAsRecord(): CheckworthinessModel {
  committedModel ??= fromModelJson(committed);
  return committedModel;
}

/**
 * Reference implementation of sentenceLogit over feature strings (slow; for tests and tools).
 */
export function sentenceLogitReference(
  sentence: string,
  m: CheckworthinessModel = committedAsRecord(),
  tags?: SentenceTags,
): number {
  const feats = sentenceFeatures(sentence, m.config, tags);
  let z = 0;
  for (const f of feats) if (Object.hasOwn(m.weights, f)) z += m.weights[f] as number;
  const sparse = m.config.rowNorm ? z / Math.sqrt(Math.max(feats.length, 1)) : z;
  if (!m.config.embeddings) return m.bias + sparse;
  return m.bias + sparse + meanWordScore(sentenceTokens(sentence), m.wordScores ?? {});
}

/** Check-worthiness probability in [0, 1] of one sentence (`tags`: see sentenceLogit). */
export function scoreSentence(sentence: string, tags?: SentenceTags): number {
  const z = sentenceLogit(sentence, tags);
  const p = 1 / (1 + Math.exp(-z));
  return Number.isFinite(p) ? p : z > 0 ? 1 : 0;
}
