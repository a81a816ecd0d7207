// The quantity a sentence states, from wink's numeric entities plus our own number parser.

import type { QuantityValues } from "./kinds";
import type { Analysis, Span } from "./nlp";
import { parseHedge, parseNumberPhrase } from "./numbers";

const NUMERIC_TYPES = new Set(["CARDINAL", "MONEY", "PERCENT", "DURATION"]);
// "one" is far more often a pronoun or determiner ("one of the", "no one") than a count.
const NOT_A_COUNT = /^(?:one|a|an|once)$/iu;
const YEAR_LIKE = /^(?:1[6-9]|20)\d\d$/u;
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

/**
 * The first quantity among the sentence's numeric entities (tokens `first`..`last`), skipping
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
  for (let k = 0; k < entities.length; k++) {
    const entity = entities[k] as Span;
    if (!NUMERIC_TYPES.has(entity.type)) continue;
    if (excluded.some((x) => entity.first <= x.last && entity.last >= x.first)) continue;
    const phrase = text.slice(analysis.starts[entity.first], analysis.ends[entity.last]);
    if (!HAS_NUMBER.test(phrase)) continue;
    const bare = phrase.replace(/^(?:about|around|some|nearly|almost|over)\s+/iu, "");
    if (NOT_A_COUNT.test(bare)) continue;
    if (
      entity.type === "CARDINAL" &&
      YEAR_LIKE.test(bare) &&
      YEAR_PREPOSITIONS.has(lower(analysis, entity.first - 1))
    ) {
      continue;
    }
    let parsed = parseNumberPhrase(phrase);
    let lastToken = entity.last;
    // A range wink reads as two numbers: "between 200 and 300", "200 to 300".
    const next = entities[k + 1];
    if (
      parsed?.value !== undefined &&
      next &&
      next.type === entity.type &&
      next.first === entity.last + 2 &&
      /^(?:and|to|-|–|—)$/u.test(lower(analysis, entity.last + 1))
    ) {
      const joined = text.slice(analysis.starts[entity.first], analysis.ends[next.last]);
      const range = parseNumberPhrase(joined);
      if (range?.min !== undefined) {
        parsed = range;
        lastToken = next.last;
      }
    }
    if (!parsed) continue;
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
    if (parsed.currency) values.currency = parsed.currency;
    if (parsed.percent) values.unit = "percent";
    else {
      const lastWord = analysis.values[lastToken] as string;
      const inside =
        entity.type === "DURATION" &&
        analysis.pos[lastToken] === "NOUN" &&
        !SCALE_WORDS.test(lastWord)
          ? lastWord.toLowerCase()
          : undefined;
      const unit = inside ?? unitAfter(analysis, lastToken, last);
      if (unit && !parsed.currency) values.unit = unit;
    }
    return values;
  }
  return undefined;
}
