/**
 * Features of a sentence for the check-worthiness scorer, as strings: word n-grams, character
 * n-grams inside words, hand-written claim cues (`#…`) and wink-nlp's tags (`^…`, `#@…`). The
 * hashed fast path (./hashed.ts) builds the same features without the strings; the reference
 * logit here is the slow definition both paths must agree with.
 */
import { readTags, type SentenceTags } from "../nlp";
import type { CheckworthinessModel, FeatureConfig } from "./model-format";

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

export const POS_START = "^";
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
export function forEachTag(tags: SentenceTags, visit: (tag: string) => void): void {
  for (const t of tags.pos) if (t !== "PUNCT" && t !== "SPACE") visit(t);
  visit(POS_END);
}

/** One feature per named-entity type: `#@TYPE1`, or `#@TYPE2+` for two or more. */
export function entityFeatures(tags: SentenceTags): string[] {
  if (tags.entities.length === 0) return [];
  const counts = new Map<string, number>();
  for (const type of tags.entities) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `#@${type}${n >= 2 ? "2+" : "1"}`);
}

/** The tokens the features are built from: lower-cased words, `<num>`, `<year>`, `$ % ? !`. */
export function sentenceTokens(sentence: string): string[] {
  return analyse(sentence, false).toks;
}

/** Tokens (see sentenceFeatures) and claim-cue features of a sentence. */
export function analyse(sentence: string, withCues: boolean): { toks: string[]; cues: string[] } {
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

/**
 * Reference logit of a sentence under a model, over feature strings: the definition the hashed
 * path (./hashed.ts) must reproduce. Slow; for tests and the trainer.
 */
export function referenceLogit(
  sentence: string,
  m: CheckworthinessModel,
  tags?: SentenceTags,
): number {
  const feats = sentenceFeatures(sentence, m.config, tags);
  let z = 0;
  for (const f of feats) if (Object.hasOwn(m.weights, f)) z += m.weights[f] as number;
  const sparse = m.config.rowNorm ? z / Math.sqrt(Math.max(feats.length, 1)) : z;
  if (!m.config.embeddings) return m.bias + sparse;
  return m.bias + sparse + meanWordScore(sentenceTokens(sentence), m.wordScores ?? {});
}
