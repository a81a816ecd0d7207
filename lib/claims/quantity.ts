// The quantity a sentence states, from wink's numeric entities plus our own number parser.

import type { QuantityValues } from "./kinds";
import type { Analysis, Span } from "./nlp";
import { type NumberPhrase, parseHedge, parseNumberPhrase } from "./numbers";

const NUMERIC_TYPES = new Set(["CARDINAL", "MONEY", "PERCENT", "DURATION"]);
// "one" is far more often a pronoun or determiner ("one of the", "no one") than a count.
const NOT_A_COUNT = /^(?:one|a|an|once)$/iu;
const YEAR_LIKE = /^(?:1[6-9]|20)\d\d$/u;
// A span of years ("between 2005 and 2008") is a period, read as a date.
const YEAR_SPAN =
  /^(?:between\s+|from\s+)?(?:1[6-9]|20)\d\d\s*(?:and|to|-|–|—)\s*(?:1[6-9]|20)\d\d$/iu;
const YEAR_PREPOSITIONS = new Set([
  "in",
  "since",
  "by",
  "until",
  "till",
  "from",
  "of",
  "before",
  "after",
  "during",
  "between",
]);
const SCALE_WORDS = /^(?:hundred|thousand|million|billion|trillion|bn|mn|m|k|crore|lakh)$/iu;
const HAS_NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b/iu;

function lower(analysis: Analysis, i: number): string {
  return (analysis.values[i] as string | undefined)?.toLowerCase() ?? "";
}

// Hedge words wink leaves outside the entity ("more than 300", "some 300").
function hedgeBefore(analysis: Analysis, first: number, from: number) {
  if (first - 2 >= from) {
    const two = parseHedge(`${lower(analysis, first - 2)} ${lower(analysis, first - 1)}`);
    if (two) return two;
  }
  if (first - 1 >= from) return parseHedge(lower(analysis, first - 1));
  return undefined;
}

// The counted noun: "2,500 personnel", "300 armed men", "10 police officers".
function unitAfter(analysis: Analysis, last: number, end: number): string | undefined {
  const nouns: string[] = [];
  for (let i = last + 1; i <= Math.min(end, last + 4); i++) {
    const pos = analysis.pos[i];
    if (pos === "NOUN") nouns.push(lower(analysis, i));
    else if (nouns.length > 0) break;
    else if (
      pos !== "ADJ" &&
      pos !== "PROPN" &&
      !(pos === "VERB" && lower(analysis, i).endsWith("ed"))
    ) {
      break;
    }
  }
  return nouns.length > 0 ? nouns.join(" ") : undefined;
}

// wink's recogniser splits "twenty-five thousand" in two and misses "£40m", "10-15" and "$5bn";
// these widen its spans to whole number phrases.
const SCALE_TOKEN = /^(?:hundred|thousand|million|billion|trillion|bn|mn|m|k|crore|lakh)$/iu;
const CURRENCY_TOKEN = /^(?:[$€£₹₽¥₸]|US\$|A\$|C\$|usd|eur|gbp|inr|rub|jpy|cny|kzt|rs\.?)$/iu;
const PERCENT_TOKEN = /^(?:%|percent)$/iu;

function isNumberToken(analysis: Analysis, i: number): boolean {
  return analysis.pos[i] === "NUM" || SCALE_TOKEN.test(analysis.values[i] as string);
}

function widen(analysis: Analysis, span: Span, first: number, last: number): Span {
  let from = span.first;
  let to = span.last;
  while (from > first && CURRENCY_TOKEN.test(analysis.values[from - 1] as string)) from--;
  for (;;) {
    const next = to + 1;
    if (next > last) break;
    const value = analysis.values[next] as string;
    if (isNumberToken(analysis, next) || PERCENT_TOKEN.test(value)) to = next;
    else if (value === "-" && next + 1 <= last && isNumberToken(analysis, next + 1)) to = next + 1;
    else if (lower(analysis, next) === "per" && lower(analysis, next + 1) === "cent") to = next + 1;
    else break;
  }
  return { type: span.type, first: from, last: to };
}

/** Number phrases in a sentence: wink's numeric entities, widened, and numbers it left untyped. */
function numberSpans(analysis: Analysis, entities: Span[], first: number, last: number): Span[] {
  const spans: Span[] = [];
  let covered = first - 1;
  let k = 0;
  for (let i = first; i <= last; i++) {
    while (k < entities.length && (entities[k] as Span).last < i) k++;
    const entity = entities[k];
    if (i <= covered) continue;
    if (entity && entity.first <= i) {
      if (NUMERIC_TYPES.has(entity.type)) {
        const wide = widen(analysis, entity, first, last);
        spans.push(wide);
        covered = wide.last;
      } else covered = entity.last;
      continue;
    }
    if (analysis.pos[i] === "NUM") {
      const wide = widen(analysis, { type: "CARDINAL", first: i, last: i }, first, last);
      spans.push(wide);
      covered = wide.last;
    }
  }
  return spans;
}

/**
 * The first quantity among the sentence's number phrases (tokens `first`..`last`), skipping
 * numbers that belong to a legal reference (`excluded` token ranges), years and the word "one".
 */
export function findQuantity(
  text: string,
  analysis: Analysis,
  entities: Span[],
  first: number,
  last: number,
  excluded: Span[],
): QuantityValues | undefined {
  const spans = numberSpans(analysis, entities, first, last);
  for (let k = 0; k < spans.length; k++) {
    const entity = spans[k] as Span;
    if (excluded.some((x) => entity.first <= x.last && entity.last >= x.first)) continue;
    const phrase = text.slice(analysis.starts[entity.first], analysis.ends[entity.last]);
    if (!HAS_NUMBER.test(phrase)) continue;
    const bare = phrase.replace(/^(?:about|around|some|nearly|almost|over)\s+/iu, "");
    if (NOT_A_COUNT.test(bare) || YEAR_SPAN.test(bare)) continue;
    if (YEAR_LIKE.test(bare) && YEAR_PREPOSITIONS.has(lower(analysis, entity.first - 1))) continue;
    // The second year of "between 2005 and 2008" is part of a period, not a count.
    if (
      YEAR_LIKE.test(bare) &&
      /^(?:and|to|-|–|—)$/u.test(lower(analysis, entity.first - 1)) &&
      YEAR_LIKE.test(lower(analysis, entity.first - 2))
    ) {
      continue;
    }
    let parsed = parseNumberPhrase(phrase);
    let lastToken = entity.last;
    // "three weeks": the unit is read after the number, not by the number parser.
    while (!parsed && lastToken > entity.first && analysis.pos[lastToken] === "NOUN") {
      lastToken--;
      parsed = parseNumberPhrase(
        text.slice(analysis.starts[entity.first], analysis.ends[lastToken]),
      );
    }
    // A range wink reads as two numbers: "between 200 and 300", "200 to 300".
    const next = spans[k + 1];
    if (
      parsed?.value !== undefined &&
      next &&
      next.first === entity.last + 2 &&
      /^(?:and|to|-|–|—)$/u.test(lower(analysis, entity.last + 1))
    ) {
      // "13 to 26 weeks": the unit after the second number is left to unitAfter.
      let end = next.last;
      let range = parseNumberPhrase(text.slice(analysis.starts[entity.first], analysis.ends[end]));
      while (range?.min === undefined && end > next.first && analysis.pos[end] === "NOUN") {
        end--;
        range = parseNumberPhrase(text.slice(analysis.starts[entity.first], analysis.ends[end]));
      }
      if (range?.min !== undefined) {
        parsed = range;
        lastToken = end;
      }
    }
    if (!parsed) continue;
    return toValues(analysis, parsed, entity, lastToken, first, last);
  }
  return undefined;
}

function toValues(
  analysis: Analysis,
  parsed: NumberPhrase,
  entity: Span,
  lastToken: number,
  first: number,
  last: number,
): QuantityValues {
  const values: QuantityValues = {};
  const hedge = parsed.hedge ?? hedgeBefore(analysis, entity.first, first);
  if (parsed.value !== undefined) {
    if (hedge === "lower") values.min = parsed.value;
    else if (hedge === "upper") values.max = parsed.value;
    else values.quantity = parsed.value;
  } else {
    values.min = parsed.min;
    values.max = parsed.max;
  }
  if (hedge === "approximate") values.approximate = true;
  if (parsed.currency) {
    values.currency = parsed.currency;
    return values;
  }
  if (parsed.percent) {
    values.unit = "percent";
    return values;
  }
  const lastWord = analysis.values[lastToken] as string;
  const inside =
    entity.type === "DURATION" && analysis.pos[lastToken] === "NOUN" && !SCALE_WORDS.test(lastWord)
      ? lastWord.toLowerCase()
      : undefined;
  const unit = inside ?? unitAfter(analysis, lastToken, last);
  if (unit) values.unit = unit;
  return values;
}
