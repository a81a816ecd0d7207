import * as chrono from "chrono-node";
import type { DateValues } from "./kinds";

const MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
] as const;

const MONTH_WORD =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
/** A capitalised month name or a numeric date: the only sentences worth handing to chrono. */
const DAY_CUE = new RegExp(
  `\\b${MONTH_WORD}(?!\\p{L})|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b`,
  "u",
);
const MONTH_YEAR = new RegExp(`\\b(${MONTH_WORD})\\s+((?:1[6-9]|20)\\d\\d)\\b`, "u");
const DECADE = /\b((?:1[6-9]|20)\d0)['’]?s\b/u;
const QUARTER =
  /\b(?:Q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b/iu;
const YEAR = /\b((?:1[6-9]|20)\d\d)\b/u;
const QUARTER_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
};

// A leap year, so "29 February" without a year still parses when there is no published date.
const NO_REFERENCE = new Date(Date.UTC(2000, 5, 15, 12));

export interface Reference {
  /** Noon UTC of the published date, or undefined when there is none. */
  instant?: Date;
}

/** Parse an ISO yyyy-mm-dd published date; throws on anything else so bad input is not ignored. */
export function parsePublishedOn(
  value: string | undefined,
  name = "publishedOn",
): Date | undefined {
  if (value === undefined || value === "") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))
    : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new RangeError(`${name} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  return date;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function monthNumber(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

/** Cheap test run on every sentence, so chrono only sees the few that can hold a day. */
export function hasDayCue(sentence: string): boolean {
  return DAY_CUE.test(sentence);
}

/**
 * The first calendar date of a sentence with a day cue, through chrono's strict parser.
 * Without a year in the text the year comes from the published date (`yearInferred`), or, with
 * no published date, stays unknown (`yearUnknown`, month and day only).
 */
export function findDayDate(sentence: string, published: Date | undefined): DateValues | undefined {
  const results = chrono.strict.parse(sentence, {
    instant: published ?? NO_REFERENCE,
    timezone: 0,
  });
  for (const result of results) {
    // "may 5 times" is not a date: month names in running text are capitalised.
    if (/\b(?:may|march)\b/.test(result.text)) continue;
    const start = result.start;
    if (!start.isCertain("month") || !start.isCertain("day")) continue;
    const month = start.get("month");
    const day = start.get("day");
    const year = start.get("year");
    if (month === null || day === null || year === null) continue;
    if (start.isCertain("year")) return { date: `${year}-${pad(month)}-${pad(day)}` };
    if (published) return { date: `${year}-${pad(month)}-${pad(day)}`, yearInferred: true };
    return { month, day, yearUnknown: true };
  }
  return undefined;
}

/** Month-and-year, quarter, decade or bare year in a date expression wink has marked. */
export function parseCoarseDate(text: string): DateValues | undefined {
  const monthYear = MONTH_YEAR.exec(text);
  if (monthYear) {
    return { year: Number(monthYear[2]), month: monthNumber(monthYear[1] as string) };
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const q = quarter[1] ? Number(quarter[1]) : QUARTER_WORDS[(quarter[2] as string).toLowerCase()];
    if (q !== undefined)
      return quarter[3] ? { quarter: q, year: Number(quarter[3]) } : { quarter: q };
  }
  const decade = DECADE.exec(text);
  if (decade) return { decade: Number(decade[1]) };
  const year = YEAR.exec(text);
  if (year) return { year: Number(year[1]) };
  return undefined;
}

const YEAR_PERIOD =
  /\b(since|by(?: the end of)?|until|till|before|after|between|from)\s+(?:the\s+(?:start|beginning|end)\s+of\s+)?((?:1[6-9]|20)\d\d)\b(?:\s*(?:and|to|-|–|—|until)\s*((?:1[6-9]|20)\d\d)\b)?/iu;

/**
 * A period of years stated in a sentence: "since 1997" is `{ year: 1997, bound: "since" }`,
 * "by the end of 2006" `{ year: 2006, bound: "by" }`, "between 2005 and 2008" and "from 2005 to
 * 2008" `{ fromYear: 2005, toYear: 2008 }`.
 */
export function findYearPeriod(sentence: string): DateValues | undefined {
  const match = YEAR_PERIOD.exec(sentence);
  if (!match) return undefined;
  const word = (match[1] as string).toLowerCase();
  const year = Number(match[2]);
  if (match[3]) {
    const to = Number(match[3]);
    if (to > year) return { fromYear: year, toYear: to };
  }
  if (word === "between") return undefined;
  if (word === "from") return { year, bound: "since" };
  const bound = word.startsWith("by") ? "by" : word === "till" ? "until" : word;
  return { year, bound: bound as NonNullable<DateValues["bound"]> };
}
