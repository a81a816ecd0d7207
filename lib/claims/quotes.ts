// Quotation marks and who is being quoted.

import type { Analysis, Span } from "./nlp";

export interface Quotation {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the paragraph's length when the quotation runs on. */
  close: number;
}

const OPENING = new Set(["“", "„", "«"]);
const CLOSING = new Set(["”", "»"]);
const QUOTE_MARK = /["“”„«»]/g;

/**
 * Quotations in a paragraph, from curly and straight double quotes. Straight quotes alternate
 * between opening and closing. A quotation still open at the end of the paragraph runs to its end,
 * as in news copy where a quote continues into the next paragraph.
 */
export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  let open = -1;
  QUOTE_MARK.lastIndex = 0;
  for (let match = QUOTE_MARK.exec(text); match; match = QUOTE_MARK.exec(text)) {
    const i = match.index;
    const ch = match[0];
    if (ch === '"') {
      if (open < 0) open = i;
      else {
        quotations.push({ open, close: i });
        open = -1;
      }
    } else if (OPENING.has(ch)) {
      if (open < 0) open = i;
    } else if (CLOSING.has(ch)) {
      // Some copy uses the closing mark on both sides.
      if (open < 0) open = i;
      else {
        quotations.push({ open, close: i });
        open = -1;
      }
    }
  }
  if (open >= 0) quotations.push({ open, close: text.length });
  return quotations;
}

const PRONOUNS = new Set(["he", "she", "they"]);
const NOT_NAME = new Set(["According", "The", "A", "An"]);

function isNameToken(analysis: Analysis, i: number): boolean {
  const value = analysis.values[i] as string;
  if (NOT_NAME.has(value)) return false;
  const pos = analysis.pos[i];
  if (pos === "PROPN") return true;
  return /^\p{Lu}/u.test(value) && pos !== "VERB" && pos !== "DET" && pos !== "ADP";
}

export interface Attribution {
  start: number;
  end: number;
  /** The named speaker, or undefined for a pronoun ("he said") to be resolved by the caller. */
  speaker?: string;
  pronoun: boolean;
}

/**
 * The speaker named in an attribution ("according to Tajik analyst Parvaiz Mullajanov",
 * "Smith said", "said Smith"): the last run of name tokens, since titles and descriptions come
 * before the name.
 */
export function readAttribution(text: string, analysis: Analysis, span: Span): Attribution {
  let runStart = -1;
  let runEnd = -1;
  let pronoun = false;
  for (let i = span.first; i <= span.last; i++) {
    if (isNameToken(analysis, i)) {
      if (runEnd !== i - 1) runStart = i;
      runEnd = i;
    } else if (PRONOUNS.has((analysis.values[i] as string).toLowerCase())) {
      pronoun = true;
    }
  }
  const start = analysis.starts[span.first] as number;
  const end = analysis.ends[span.last] as number;
  if (runStart < 0) return { start, end, pronoun };
  const name = text
    .slice(analysis.starts[runStart], analysis.ends[runEnd])
    .replace(/\s+/gu, " ")
    .trim();
  return { start, end, speaker: name, pronoun: false };
}
