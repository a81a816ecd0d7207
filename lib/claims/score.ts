/**
 * Check-worthiness scorer: a linear model over word n-grams and hand-written claim cues,
 * trained by lib/cli/claims-train.ts on the CheckThat! 2024 (ClaimBuster) English data.
 * See lib/claims/model/DATA_CARD.md for data, terms, hyper-parameters and metrics.
 *
 * Pure: no fs, no network. The weights are a static JSON import, so this module works under
 * tsx, vitest and a Next.js server bundle alike.
 */
import model from "./model/checkworthiness.json";

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
}

export interface CheckworthinessModel {
  version: number;
  threshold: number;
  bias: number;
  config: FeatureConfig;
  weights: Record<string, number>;
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
export function sentenceFeatures(sentence: string, config: FeatureConfig): string[] {
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
  return [...feats];
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

class WeightTable {
  private readonly k1: Int32Array;
  private readonly k2: Int32Array;
  private readonly w: Float64Array;
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(weights: Record<string, number>) {
    const entries = Object.entries(weights);
    let size = 1024;
    while (size < entries.length * 4) size *= 2;
    this.mask = size - 1;
    this.k1 = new Int32Array(size);
    this.k2 = new Int32Array(size);
    this.w = new Float64Array(size);
    this.used = new Uint8Array(size);
    for (const [f, w] of entries) {
      const a = feed1(SEED1, f);
      const b = feed2(SEED2, f);
      let i = slotOf(a, this.mask);
      while (this.used[i] && !(this.k1[i] === a && this.k2[i] === b)) i = (i + 1) & this.mask;
      this.used[i] = 1;
      this.k1[i] = a;
      this.k2[i] = b;
      this.w[i] = (this.w[i] as number) + w;
    }
  }

  get(a: number, b: number): number {
    let i = slotOf(a, this.mask);
    while (this.used[i]) {
      if (this.k1[i] === a && this.k2[i] === b) return this.w[i] as number;
      i = (i + 1) & this.mask;
    }
    return 0;
  }
}

/** Per-call set of feature keys; cleared in O(1) by bumping a stamp. */
class Scratch {
  k1 = new Int32Array(0);
  k2 = new Int32Array(0);
  stamp = new Int32Array(0);
  mask = 0;
  current = 0;
  /** Per-token hash buffers, reused across calls. */
  tok1 = new Int32Array(64);
  tok2 = new Int32Array(64);

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
const EOS = " </s>";

/** Sum of weights and number of distinct features of a sentence (hashed path). */
function hashedSum(
  sentence: string,
  config: FeatureConfig,
  table: WeightTable,
  scratch: Scratch,
): { sum: number; count: number } {
  const { toks, cues } = analyse(sentence, config.cues);
  const n = toks.length;
  // Upper bound of the feature count, to size the scratch set.
  let cap = 3 * n + cues.length + 8;
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
  if (scratch.tok1.length < n) {
    scratch.tok1 = new Int32Array(n * 2);
    scratch.tok2 = new Int32Array(n * 2);
  }
  const t1 = scratch.tok1;
  const t2 = scratch.tok2;
  for (let i = 0; i < n; i++) {
    const t = toks[i] as string;
    t1[i] = feed1(SEED1, t);
    t2[i] = feed2(SEED2, t);
    emit(t1[i] as number, t2[i] as number);
  }
  if (config.ngram >= 2) {
    let a = BOS1;
    let b = BOS2;
    for (let i = 0; i < n; i++) {
      const t = toks[i] as string;
      emit(feed1(h1(a, SPACE), t), feed2(h2(b, SPACE), t));
      a = t1[i] as number;
      b = t2[i] as number;
    }
    emit(feed1(a, EOS), feed2(b, EOS));
  }
  if (config.ngram >= 3) {
    const at = (i: number) => (i < 0 ? "<s>" : i < n ? (toks[i] as string) : "</s>");
    for (let i = 1; i <= n; i++) {
      const f = `${at(i - 2)} ${at(i - 1)} ${at(i)}`;
      emit(feed1(SEED1, f), feed2(SEED2, f));
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
  return { sum, count };
}

const typed = model as unknown as CheckworthinessModel;
const TABLE = new WeightTable(typed.weights);
const SCRATCH = new Scratch();
const BIAS = typed.bias;
const CONFIG: FeatureConfig = typed.config;

/** Probability-like cut-off above which a sentence counts as check-worthy. */
export const CHECKWORTHY_THRESHOLD: number = typed.threshold;

/** Linear score (log-odds) of a sentence under the committed model. */
export function sentenceLogit(sentence: string): number {
  const { sum, count } = hashedSum(sentence, CONFIG, TABLE, SCRATCH);
  return BIAS + (CONFIG.rowNorm ? sum / Math.sqrt(Math.max(count, 1)) : sum);
}

/**
 * Reference implementation of sentenceLogit over feature strings (slow; for tests and tools).
 */
export function sentenceLogitReference(sentence: string, m: CheckworthinessModel = typed): number {
  const feats = sentenceFeatures(sentence, m.config);
  let z = 0;
  for (const f of feats) if (Object.hasOwn(m.weights, f)) z += m.weights[f] as number;
  return m.bias + (m.config.rowNorm ? z / Math.sqrt(Math.max(feats.length, 1)) : z);
}

/** Check-worthiness probability in [0, 1] of one sentence. */
export function scoreSentence(sentence: string): number {
  const z = sentenceLogit(sentence);
  const p = 1 / (1 + Math.exp(-z));
  return Number.isFinite(p) ? p : z > 0 ? 1 : 0;
}
