import { type ClaimValues, LEGAL_PROVISIONS } from "./kinds";

// Claim values in words, for people: the claim page, the report formats. Pure (a type import only), so
// client components and every renderer can use it.
//
// Values are read by their keys, not by the claim's kind: an editor may set any kind with any
// values, and new shapes arrive over time. Keys of the shapes in ./kinds.ts with a value of the
// expected type become a phrase ("about 2,500 personnel", "19 January 2022 (year inferred)",
// "Article 4 of the Collective Security Treaty"); every other key is shown as "key: value", so
// nothing an editor typed is hidden.

/** The months by name, January first. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];
const ORDINAL_TITLES = [
  "First",
  "Second",
  "Third",
  "Fourth",
  "Fifth",
  "Sixth",
  "Seventh",
  "Eighth",
  "Ninth",
  "Tenth",
];

const PLAIN = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });
const SCALES: [number, string][] = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/**
 * 2500 → "2,500"; 1.2e9 → "1.2 billion"; 3.5 → "3.5". A scale word only where it loses nothing
 * (at most three decimals of it): 1,234,567 stays as it is, since the exact figure is what is checked.
 */
export function numberInWords(n: number): string {
  for (const [size, word] of SCALES) {
    if (Math.abs(n) < size) continue;
    const scaled = Number((n / size).toPrecision(12));
    if (Number.isInteger(Number((scaled * 1000).toPrecision(12)))) {
      return `${PLAIN.format(scaled)} ${word}`;
    }
    break;
  }
  return PLAIN.format(n);
}

/** The currency's own mark where Intl knows the code (US$, £, €), else the code itself. */
function currencyMark(currency: string): { mark: string; before: boolean } {
  try {
    const parts = new Intl.NumberFormat("en-GB", { style: "currency", currency }).formatToParts(1);
    const symbol = parts.find((p) => p.type === "currency")?.value ?? currency;
    return { mark: symbol, before: !/^\p{L}+$/u.test(symbol) };
  } catch {
    return { mark: currency, before: false };
  }
}

function amount(n: number, values: Record<string, unknown>): string {
  const number = numberInWords(n);
  if (isText(values.currency)) {
    const { mark, before } = currencyMark(values.currency.trim());
    return before ? `${mark}${number}` : `${number} ${mark}`;
  }
  if (values.unit === "percent") return `${number}%`;
  return number;
}

const QUANTITY_KEYS = ["quantity", "min", "max", "approximate", "unit", "currency"] as const;

function quantityWords(v: Record<string, unknown>): string | null {
  const q = isNumber(v.quantity) ? v.quantity : undefined;
  const min = isNumber(v.min) ? v.min : undefined;
  const max = isNumber(v.max) ? v.max : undefined;
  const about = v.approximate === true ? "about " : "";
  let phrase: string;
  if (q !== undefined) phrase = `${about}${amount(q, v)}`;
  else if (min !== undefined && max !== undefined)
    phrase = `between ${about}${amount(min, v)} and ${amount(max, v)}`;
  else if (min !== undefined) phrase = `at least ${about}${amount(min, v)}`;
  else if (max !== undefined) phrase = `at most ${about}${amount(max, v)}`;
  else return null;
  if (isText(v.unit) && v.unit !== "percent") phrase += ` ${v.unit.trim()}`;
  return phrase;
}

const DATE_KEYS = [
  "date",
  "year",
  "month",
  "day",
  "decade",
  "quarter",
  "yearInferred",
  "yearUnknown",
  "approximateReference",
] as const;

function monthName(m: unknown): string | undefined {
  return isNumber(m) && Number.isInteger(m) ? MONTHS[m - 1] : undefined;
}

function dateWords(v: Record<string, unknown>): string | null {
  let phrase: string | null = null;
  const iso = typeof v.date === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.date) : null;
  const year = isNumber(v.year) ? v.year : undefined;
  const month = monthName(v.month);
  const day = isNumber(v.day) && Number.isInteger(v.day) ? v.day : undefined;
  if (iso) {
    const m = MONTHS[Number(iso[2]) - 1];
    phrase = m ? `${Number(iso[3])} ${m} ${iso[1]}` : (v.date as string);
  } else if (isNumber(v.quarter) && ORDINALS[v.quarter - 1]) {
    phrase = `the ${ORDINALS[v.quarter - 1]} quarter${year !== undefined ? ` of ${year}` : ""}`;
  } else if (month) {
    phrase = [day, month, year].filter((x) => x !== undefined).join(" ");
  } else if (year !== undefined) {
    phrase = String(year);
  } else if (isNumber(v.decade)) {
    phrase = `the ${v.decade}s`;
  }
  if (phrase === null) return null;
  if (v.yearInferred === true) {
    phrase +=
      v.approximateReference === true
        ? " (year inferred from an approximate publication date)"
        : " (year inferred)";
  } else if (v.yearUnknown === true) {
    phrase += " (year unknown)";
  }
  return phrase;
}

const PROVISION_KEYS = LEGAL_PROVISIONS;
const LEGAL_KEYS = [...PROVISION_KEYS, "instrument"] as const;

function provision(key: (typeof PROVISION_KEYS)[number], value: string): string {
  const n = Number(value);
  if (key === "amendment" && Number.isInteger(n) && ORDINAL_TITLES[n - 1]) {
    return `the ${ORDINAL_TITLES[n - 1]} Amendment`;
  }
  return `${key[0]?.toUpperCase()}${key.slice(1)} ${value}`;
}

function legalWords(v: Record<string, unknown>): string | null {
  const provisions = PROVISION_KEYS.filter((k) => isText(v[k]) || isNumber(v[k])).map((k) =>
    provision(k, String(v[k]).trim()),
  );
  const instrument = isText(v.instrument) ? v.instrument.trim() : null;
  const the = instrument && !/^the\s/i.test(instrument) ? `the ${instrument}` : instrument;
  if (provisions.length === 0) return the;
  return the ? `${provisions.join(", ")} of ${the}` : provisions.join(", ");
}

function fits(key: string, value: unknown): boolean {
  switch (key) {
    case "quantity":
    case "min":
    case "max":
    case "year":
    case "month":
    case "day":
    case "decade":
    case "quarter":
      return isNumber(value);
    case "approximate":
    case "yearInferred":
    case "yearUnknown":
    case "approximateReference":
      return value === true;
    case "unit":
    case "currency":
    case "date":
    case "instrument":
    case "speaker":
      return isText(value);
    default:
      return (
        (PROVISION_KEYS as readonly string[]).includes(key) && (isText(value) || isNumber(value))
      );
  }
}

/** "someKey" or "some_key" → "some key". */
function keyWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
}

function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (isNumber(value)) return numberInWords(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  return JSON.stringify(value) ?? String(value);
}

/**
 * Claim values as one line of words, parts joined by "; ". Empty values give "". A group (number,
 * date, legal provision, speaker) is written as a phrase when its main key is present with the
 * right type; keys it does not use, or with a value of another type, follow as "key: value".
 */
export function valueWords(values: ClaimValues | Readonly<Record<string, unknown>>): string {
  const v: Record<string, unknown> = {};
  const rest: [string, unknown][] = [];
  for (const [key, value] of Object.entries(values)) {
    if (fits(key, value)) v[key] = value;
    else rest.push([key, value]);
  }
  const parts: string[] = [];
  const used = new Set<string>();
  const group = (keys: readonly string[], words: string | null) => {
    if (words === null) return;
    parts.push(words);
    for (const k of keys) if (k in v) used.add(k);
  };
  group(QUANTITY_KEYS, quantityWords(v));
  group(DATE_KEYS, dateWords(v));
  group(LEGAL_KEYS, legalWords(v));
  if (isText(v.speaker)) group(["speaker"], `said by ${v.speaker.trim()}`);
  for (const [key, value] of Object.entries(values)) {
    if (key in v && !used.has(key)) rest.push([key, value]);
  }
  const order = Object.keys(values);
  rest.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  for (const [key, value] of rest) parts.push(`${keyWords(key)}: ${valueText(value)}`);
  return parts.join("; ");
}
