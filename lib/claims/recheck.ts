import type { ClaimKind } from "./kinds";
import { SMALL_NUMBERS } from "./numbers";
import { MONTHS } from "./value-words";

/**
 * When a claim should be checked again, proposed at extraction for claims that go stale: a figure
 * stated in the present tense, "currently", "as of <date>", a period still running ("this year",
 * "so far"), or a date after the article's own date ("by March 2027", "next year", "the election
 * on 5 May"). Every date is counted from the reference day: the article's publication date when
 * known, else the day it was imported, so an old article's present-tense figure is already due.
 *
 * The rules look at the claim's own words only (regular expressions, no second NLP pass, so the
 * cost per claim is a few microseconds). When several apply, the earliest date wins: the claim is
 * checked again as soon as any part of it may have changed.
 *
 * Dates proposed:
 * - a named date ahead of the reference: the end of what it names (a day is that day, a month its
 *   last day, a year 31 December), when the claim can first be checked against the outcome;
 * - "this week/month/year", "next week/month/year": the end of that period ("this week" and "next
 *   week" seven and fourteen days on, a week's end depending on the outlet's week);
 * - "within/in N days/weeks/months/years", "in the coming weeks/months/year": the reference plus
 *   that span;
 * - "as of <date>": `PRESENT_INTERVAL_MONTHS` after that date ("as of now": after the reference);
 * - a running total ("so far", "to date", "thus far"): `RUNNING_TOTAL_MONTHS` on;
 * - "currently", "at present", a present-tense figure ("has 2,500 troops", "is 4.2%"):
 *   `PRESENT_INTERVAL_MONTHS` on.
 */

/**
 * How long a present-tense figure or a "currently" stays fresh: six months, the span of most
 * official statistics (quarterly and half-yearly releases) and of a news cycle's standing figures
 * (troop numbers, staff counts, budgets in force).
 */
export const PRESENT_INTERVAL_MONTHS = 6;

/** A running tally ("so far", "to date") moves fast: casualty counts, cases, votes counted. */
export const RUNNING_TOTAL_MONTHS = 1;

export interface RecheckProposal {
  /** ISO yyyy-mm-dd. */
  recheckOn: string;
  /** Why, in words, with the phrase of the claim that made it time-bound. */
  recheckReason: string;
}

/** A calendar day in UTC, as a Date at midnight. */
type Day = Date;

// Capitalised month names only: "may" and "march" in running text are words, not months.
const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
const YEAR = "(?:19|20|21)\\d\\d";
const ORDINAL = "(?:st|nd|rd|th)?";

const ISO_DATE = new RegExp(`\\b(${YEAR})-(\\d\\d)-(\\d\\d)\\b`, "g");
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH})(?![A-Za-z])(?:,?\\s+(${YEAR})\\b)?`,
  "g",
);
const MONTH_DAY = new RegExp(
  `\\b(${MONTH})\\s+(\\d{1,2})${ORDINAL}(?![\\dA-Za-z])(?:,?\\s+(${YEAR})\\b)?`,
  "g",
);
const MONTH_YEAR = new RegExp(`\\b(${MONTH})\\s+(?:of\\s+)?(${YEAR})\\b`, "g");
// A month or a year alone counts only after a word that places it in time ("by June", "in 2027"):
// "the 2024 budget" or "June's figures" name a period without saying the claim depends on it.
const PLACING = "(?:in|by|until|till|to|before|during|through|from|after|for|(?:the )?end of)";
const BARE_MONTH = new RegExp(
  `\\b${PLACING}\\s+(?:early |late |mid-?)?(${MONTH})(?![A-Za-z])`,
  "gi",
);
const BARE_YEAR = new RegExp(
  `\\b${PLACING}\\s+(?:the\\s+(?:start|beginning|end|middle)\\s+of\\s+)?(${YEAR})\\b(?!-\\d)`,
  "gi",
);

const RELATIVE_PERIOD = /\b(this|next|later this|coming|the coming)\s+(week|month|year)\b/gi;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, ...SMALL_NUMBERS };
const SPAN = new RegExp(
  `\\b(?:within|in)\\s+(?:the\\s+next\\s+)?(\\d{1,3}|${Object.keys(NUMBER_WORDS).join("|")})\\s+(day|week|month|year)s?\\b`,
  "gi",
);
const COMING = /\b(?:in|over)\s+the\s+(?:coming|next\s+few|next)\s+(days|weeks|months|years)\b/i;
const AS_OF = /\bas\s+(?:of|at)\s+([^,;:()]{1,40})/i;
const RUNNING_TOTAL = /\b(?:so far|to date|thus far|as yet|until now|up to now)\b/i;
const CURRENTLY =
  /\b(?:currently|at present|presently|at the moment|right now|as it stands|as things stand|nowadays)\b/i;
// Present-tense verbs that state how much or how many there is now. A past form ("was", "had")
// is a fact about its time, which does not go stale.
const PRESENT_VERB =
  "(?:is|are|has|have|stands?(?: at)?|remains?|totals?|amounts? to|numbers?|exceeds?|employs?|hosts?|houses?|holds?|owns?|operates?|controls?|accounts? for|makes? up|costs?|earns?|spends?|pays?|counts?|lives?|live|reaches|reach|tops?|hovers?(?: at| around)?)";
// A year ("In 2022 there are") is not a figure.
const NUMBER =
  "(?:[$€£¥₹₽₸]\\s?)?(?!(?:19|20)\\d\\d(?![\\d,.%]))\\d[\\d,.]*(?:\\s?(?:%|per ?cent|percent))?";
// "has risen to 4.2%", "have been 300": a present perfect states the figure as it is now.
const CHANGE =
  "(?:\\s+(?:risen|fallen|grown|climbed|dropped|increased|decreased|declined|jumped|reached|hit|been)(?:\\s+(?:to|by))?)?";
const FIGURE_AFTER_VERB = new RegExp(
  `\\b${PRESENT_VERB}\\b${CHANGE}(?:\\s+(?:now|still|about|around|roughly|nearly|almost|over|under|more than|less than|fewer than|some|at least|at most|only|just|an estimated|approximately))*\\s+${NUMBER}(?:\\s+[A-Za-z]+)?`,
  "i",
);
const FIGURE_BEFORE_VERB = new RegExp(
  `${NUMBER}(?:\\s+[A-Za-z-]+){0,3}\\s+(?:are|is|remain|remains|live|work|serve|stand)\\b`,
  "i",
);
const FUTURE_CUE =
  /\b(?:will|shall|is due|are due|due to|scheduled|expected to|set to|is to|are to|plans? to|planned|upcoming|next)\b/i;

const DAY_MS = 86_400_000;

function utcDay(year: number, month: number, day: number): Day {
  return new Date(Date.UTC(year, month - 1, day));
}

function lastDayOfMonth(year: number, month: number): Day {
  return new Date(Date.UTC(year, month, 0));
}

function addDays(day: Day, days: number): Day {
  return new Date(day.getTime() + days * DAY_MS);
}

/** The same day `months` later, or the month's last day when it is shorter (31 Aug + 6 → 28 Feb). */
export function addMonths(day: Day, months: number): Day {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), last)));
}

function iso(day: Day): string {
  return day.toISOString().slice(0, 10);
}

function monthOf(word: string): number {
  const prefix = word.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === prefix) + 1;
}

/** A valid calendar day, or undefined ("31 February"). */
function validDay(year: number, month: number, day: number): Day | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const date = utcDay(year, month, day);
  return date.getUTCMonth() === month - 1 ? date : undefined;
}

/** Parses an ISO yyyy-mm-dd reference day; undefined for anything else. */
export function parseReferenceDay(value: string | undefined): Day | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return validDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

interface Candidate {
  on: Day;
  reason: string;
}

const quoted = (phrase: string) => `“${phrase.trim().replace(/\s+/g, " ")}”`;

/**
 * Named dates of the text that lie after the reference day, each as the end of what it names.
 * A day or month without a year is in the reference's year, or the next one when it has passed
 * and the claim speaks of the future ("the vote on 10 January", in December).
 */
function datesAhead(text: string, reference: Day, cues: Cues): Candidate[] {
  const out: Candidate[] = [];
  if (!cues.digit && !cues.month) return out;
  // Read only when a day without a year has passed, which is rare.
  let future: boolean | undefined;
  const looksAhead = () => {
    future ??= FUTURE_CUE.test(text);
    return future;
  };
  const refYear = reference.getUTCFullYear();
  const taken: Array<[number, number]> = [];
  const overlaps = (from: number, to: number) => taken.some(([a, b]) => from < b && to > a);
  const consider: Consider = (match, end, year) => {
    const from = match.index;
    const to = from + match[0].length;
    if (overlaps(from, to)) return;
    taken.push([from, to]);
    let on = end(year ? Number(year) : refYear);
    if (on && !year && on <= reference && looksAhead()) on = end(refYear + 1);
    if (on && on > reference) out.push({ on, reason: `Date still ahead: ${quoted(match[0])}` });
  };
  // Most specific first, so "5 May 2027" is not read again as "May 2027".
  if (cues.digit) {
    for (const m of text.matchAll(ISO_DATE)) {
      consider(m, () => validDay(Number(m[1]), Number(m[2]), Number(m[3])), m[1]);
    }
  }
  if (cues.month) monthDates(text, consider);
  if (cues.digit) {
    for (const m of text.matchAll(BARE_YEAR)) {
      consider(m, () => utcDay(Number(m[1]), 12, 31), m[1]);
    }
  }
  return out;
}

type Consider = (
  match: RegExpExecArray,
  end: (year: number) => Day | undefined,
  year?: string,
) => void;

function monthDates(text: string, consider: Consider): void {
  for (const m of text.matchAll(DAY_MONTH)) {
    consider(m, (y) => validDay(y, monthOf(m[2] as string), Number(m[1])), m[3]);
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    consider(m, (y) => validDay(y, monthOf(m[1] as string), Number(m[2])), m[3]);
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    consider(m, () => lastDayOfMonth(Number(m[2]), monthOf(m[1] as string)), m[2]);
  }
  for (const m of text.matchAll(BARE_MONTH)) {
    // Capitalised only: the pattern is case-insensitive for its leading word.
    if (!/^[A-Z]/.test(m[1] as string)) continue;
    consider(m, (y) => lastDayOfMonth(y, monthOf(m[1] as string)));
  }
}

function relativePeriods(text: string, reference: Day, cues: Cues): Candidate[] {
  const out: Candidate[] = [];
  if (!cues.relative) return out;
  const year = reference.getUTCFullYear();
  const month = reference.getUTCMonth() + 1;
  for (const m of text.matchAll(RELATIVE_PERIOD)) {
    const which = (m[1] as string).toLowerCase();
    const unit = (m[2] as string).toLowerCase();
    const ahead = which === "next" || which.endsWith("coming") ? 1 : 0;
    let on: Day;
    if (unit === "week") on = addDays(reference, 7 * (ahead + 1));
    else if (unit === "month") on = lastDayOfMonth(year, month + ahead);
    else on = utcDay(year + ahead, 12, 31);
    const reason = ahead
      ? `Period still ahead: ${quoted(m[0])}`
      : `Period still running: ${quoted(m[0])}`;
    out.push({ on, reason });
  }
  for (const m of text.matchAll(SPAN)) {
    const word = (m[1] as string).toLowerCase();
    const n = NUMBER_WORDS[word] ?? Number(word);
    const unit = (m[2] as string).toLowerCase();
    if (!(n > 0)) continue;
    const on =
      unit === "day"
        ? addDays(reference, n)
        : unit === "week"
          ? addDays(reference, 7 * n)
          : addMonths(reference, unit === "month" ? n : 12 * n);
    out.push({ on, reason: `Period still ahead: ${quoted(m[0])}` });
  }
  const coming = COMING.exec(text);
  if (coming) {
    const unit = (coming[1] as string).toLowerCase();
    const months = unit === "days" ? 0 : unit === "weeks" ? 1 : unit === "months" ? 6 : 12;
    const on = months === 0 ? addDays(reference, 14) : addMonths(reference, months);
    out.push({ on, reason: `Period still ahead: ${quoted(coming[0])}` });
  }
  return out;
}

/** The day an "as of" phrase names, if it names one; the rest of the phrase is not a date. */
function asOfDay(phrase: string, reference: Day): Day | undefined {
  const refYear = reference.getUTCFullYear();
  for (const [pattern, read] of [
    [ISO_DATE, (m: RegExpExecArray) => validDay(Number(m[1]), Number(m[2]), Number(m[3]))],
    [
      DAY_MONTH,
      (m: RegExpExecArray) =>
        validDay(m[3] ? Number(m[3]) : refYear, monthOf(m[2] as string), Number(m[1])),
    ],
    [
      MONTH_DAY,
      (m: RegExpExecArray) =>
        validDay(m[3] ? Number(m[3]) : refYear, monthOf(m[1] as string), Number(m[2])),
    ],
    [MONTH_YEAR, (m: RegExpExecArray) => lastDayOfMonth(Number(m[2]), monthOf(m[1] as string))],
  ] as const) {
    pattern.lastIndex = 0;
    const match = pattern.exec(phrase);
    pattern.lastIndex = 0;
    if (match && match.index < 12) return read(match);
  }
  const year = new RegExp(`^(?:the\\s+end\\s+of\\s+)?(${YEAR})\\b`, "u").exec(phrase.trim());
  return year ? utcDay(Number(year[1]), 12, 31) : undefined;
}

function presentState(text: string, kind: ClaimKind, reference: Day, cues: Cues): Candidate[] {
  const out: Candidate[] = [];
  const asOf = AS_OF.exec(text);
  if (asOf) {
    const named = asOfDay(asOf[1] as string, reference);
    // The figure ages from the day it describes, which may be long before the article.
    const from = named ?? reference;
    const phrase = named ? asOf[0] : asOf[0].split(/\s+/).slice(0, 3).join(" ");
    out.push({
      on: addMonths(from, PRESENT_INTERVAL_MONTHS),
      reason: `Figure as of a date: ${quoted(phrase)}`,
    });
  }
  const running = RUNNING_TOTAL.exec(text);
  if (running) {
    out.push({
      on: addMonths(reference, RUNNING_TOTAL_MONTHS),
      reason: `Running total: ${quoted(running[0])}`,
    });
  }
  const currently = CURRENTLY.exec(text);
  if (currently) {
    out.push({
      on: addMonths(reference, PRESENT_INTERVAL_MONTHS),
      reason: `Current state: ${quoted(currently[0])}`,
    });
  }
  if (kind === "quantity" && cues.digit) {
    const figure = FIGURE_AFTER_VERB.exec(text) ?? FIGURE_BEFORE_VERB.exec(text);
    if (figure) {
      out.push({
        on: addMonths(reference, PRESENT_INTERVAL_MONTHS),
        reason: `Present-tense figure: ${quoted(figure[0])}`,
      });
    }
  }
  return out;
}

/** Cheap tests that decide which rules can apply at all (most claims have no time cue). */
interface Cues {
  digit: boolean;
  month: boolean;
  relative: boolean;
}
const MONTH_CUE = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const RELATIVE_CUE =
  /[Tt]his|[Nn]ext|[Cc]oming|[Ww]ithin|\b[Ii]n (?:the next )?(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/;

/**
 * The re-check date proposed for a claim, or undefined when nothing in it goes stale.
 * `reference` is the article's publication day, else its import day (yyyy-mm-dd); without one
 * nothing is proposed, since every rule counts from it.
 */
export function proposeRecheck(
  claim: { text: string; kind: ClaimKind },
  reference: string | Day | undefined,
): RecheckProposal | undefined {
  const day = typeof reference === "string" ? parseReferenceDay(reference) : reference;
  if (!day) return undefined;
  const text = claim.text;
  const digit = /\d/.test(text);
  const cues: Cues = {
    digit,
    month: MONTH_CUE.test(text),
    relative: digit || RELATIVE_CUE.test(text),
  };
  const candidates = [
    ...datesAhead(text, day, cues),
    ...relativePeriods(text, day, cues),
    ...presentState(text, claim.kind, day, cues),
  ];
  let best: Candidate | undefined;
  for (const candidate of candidates) if (!best || candidate.on < best.on) best = candidate;
  return best ? { recheckOn: iso(best.on), recheckReason: best.reason } : undefined;
}
