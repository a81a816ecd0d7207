// Parsers for what wink's entity recogniser finds but does not normalise: numbers written in
// words or with separators, multipliers, hedges, ranges, percentages and currencies.

/** Numbers written as one word, up to ninety ("a dozen" too). */
export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  crore: 1e7,
  lakh: 1e5,
};

const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** A number written with digits ("2,500", "3.5", "1.2bn") or words ("twenty-five thousand"). */
export function parseNumber(phrase: string): number | undefined {
  const words = phrase
    .toLowerCase()
    .replace(/(\d)(k|m|mn|bn|b|tn)\b/g, "$1 $2")
    .split(/[\s-]+/)
    .filter((w) => w !== "" && w !== "and" && w !== "a" && w !== "an");
  if (words.length === 0) return undefined;
  let total = 0;
  let group = 0;
  let seen = false;
  for (const word of words) {
    const digits = DIGITS.exec(word);
    const small = digits
      ? Number(`${(digits[1] as string).replaceAll(",", "")}.${digits[2] ?? "0"}`)
      : SMALL_NUMBERS[word];
    if (small !== undefined) {
      // "twenty five" and "hundred and five" add up; "10 15" or "five twenty" are two numbers.
      const adds =
        group === 0 || (group % 100 === 0 && small < 100) || (group % 10 === 0 && small < 10);
      if (!adds || (digits && group !== 0)) return undefined;
      group += small;
      seen = true;
      continue;
    }
    const scale = SCALE[word];
    if (scale === undefined) return undefined;
    // "a hundred" and "hundreds" have no number before the scale word.
    if (!seen) group = 1;
    if (scale === 100) group *= 100;
    else {
      total += group * scale;
      group = 0;
    }
    seen = true;
  }
  if (!seen) return undefined;
  const value = total + group;
  // Avoid 1.2 * 1e9 = 1200000000.0000002 style noise.
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : undefined;
}

const APPROXIMATE = new Set([
  "around",
  "about",
  "approximately",
  "roughly",
  "nearly",
  "almost",
  "some",
  "circa",
  "ca.",
  "c.",
  "estimated",
  "~",
  "approx.",
  "close to",
  "an estimated",
  "just under",
  "just over",
]);
const LOWER_BOUND = new Set([
  "more than",
  "over",
  "at least",
  "upwards of",
  "in excess of",
  "above",
]);
const UPPER_BOUND = new Set(["less than", "fewer than", "under", "up to", "at most", "below"]);

export type Hedge = "approximate" | "lower" | "upper";

/** Classify the words in front of a number ("around", "more than", "up to"). */
export function parseHedge(words: string): Hedge | undefined {
  const w = words.toLowerCase().replace(/\s+/g, " ").trim();
  if (APPROXIMATE.has(w)) return "approximate";
  if (LOWER_BOUND.has(w)) return "lower";
  if (UPPER_BOUND.has(w)) return "upper";
  return undefined;
}

const LEADING_HEDGE =
  /^(an estimated|approximately|roughly|around|about|nearly|almost|some|circa|close to|more than|fewer than|less than|at least|at most|up to|over|under|upwards of|in excess of|just under|just over|~)\s*/i;

export interface NumberPhrase {
  value?: number;
  min?: number;
  max?: number;
  hedge?: Hedge;
  percent?: boolean;
  currency?: string;
}

const CURRENCY_SYMBOLS: Array<[RegExp, string]> = [
  [/US\$|\$US|USD/i, "USD"],
  [/A\$|AUD/i, "AUD"],
  [/C\$|CAD/i, "CAD"],
  [/€|EUR\b|euros?\b/i, "EUR"],
  [/£|GBP|pounds? sterling|\bpounds?\b/i, "GBP"],
  [/₹|INR|\brupees?\b|\bRs\.?/i, "INR"],
  [/₽|RUB|\broubles?\b|\brubles?\b/i, "RUB"],
  [/¥|JPY|\byen\b/i, "JPY"],
  [/CNY|RMB|\byuan\b/i, "CNY"],
  [/₸|KZT|\btenge\b/i, "KZT"],
  [/\$|\bdollars?\b/i, "USD"],
];

function detectCurrency(text: string): string | undefined {
  for (const [pattern, code] of CURRENCY_SYMBOLS) if (pattern.test(text)) return code;
  return undefined;
}

const PERCENT = /%|\bper ?cent\b|\bpercent(?:age points?)?\b/i;
const SCALE_SUFFIX = /\b(hundred|thousand|million|billion|trillion|bn|mn|m|k)$/i;
const RANGE = /^(?:between\s+|from\s+)?(.+?)\s*(?:-|–|—|\bto\b|\band\b)\s*(.+)$/i;

/** Strip currency and percent marks, keeping only the words of the number. */
function cleanNumber(text: string): string {
  return text
    .replace(/US\$|\$US|A\$|C\$|[$€£₹₽¥₸%~]/g, " ")
    .replace(/\b(?:usd|eur|gbp|inr|rub|jpy|cny|rmb|kzt|aud|cad|rs\.?)\b/gi, " ")
    .replace(
      /\b(?:dollars?|euros?|pounds?|sterling|rupees?|roubles?|rubles?|yen|yuan|tenge)\b/gi,
      " ",
    )
    .replace(/\bper ?cent\b|\bpercent(?:age points?)?\b/gi, " ")
    .trim();
}

/** Parse an entity's text such as "around 2,500", "$1.2 billion", "10-15", "5 per cent". */
export function parseNumberPhrase(text: string): NumberPhrase | undefined {
  let rest = text.trim();
  const out: NumberPhrase = {};
  const hedge = LEADING_HEDGE.exec(rest);
  if (hedge) {
    out.hedge = parseHedge(hedge[1] as string);
    rest = rest.slice(hedge[0].length);
  }
  if (PERCENT.test(rest)) out.percent = true;
  const currency = detectCurrency(rest);
  if (currency) out.currency = currency;
  const cleaned = cleanNumber(rest);
  const single = parseNumber(cleaned);
  if (single !== undefined) {
    out.value = single;
    return out;
  }
  const range = RANGE.exec(cleaned);
  if (range) {
    const lowText = range[1] as string;
    const highText = range[2] as string;
    // "1.5 to 2 million": the scale word on the upper end applies to the lower one too.
    const scale = SCALE_SUFFIX.exec(highText);
    const low =
      scale && !SCALE_SUFFIX.test(lowText)
        ? parseNumber(`${lowText} ${scale[1]}`)
        : parseNumber(lowText);
    const high = parseNumber(highText);
    if (low !== undefined && high !== undefined && low <= high) {
      out.min = low;
      out.max = high;
      return out;
    }
  }
  return undefined;
}
