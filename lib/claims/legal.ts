// Values of a legal reference that wink's custom "legal" pattern has found.

import { LEGAL_PROVISIONS, type LegalProvision, type LegalValues } from "./kinds";
import type { Analysis, Span } from "./nlp";

const ORDINALS: Record<string, string> = {
  first: "1",
  second: "2",
  third: "3",
  fourth: "4",
  fifth: "5",
  sixth: "6",
  seventh: "7",
  eighth: "8",
  ninth: "9",
  tenth: "10",
  eleventh: "11",
  twelfth: "12",
  thirteenth: "13",
  fourteenth: "14",
  fifteenth: "15",
};

const PROVISIONS = new Set<string>(LEGAL_PROVISIONS);

/**
 * `{ article: "4", instrument: "Collective Security Treaty" }` from "Article 4 of the Collective
 * Security Treaty"; `{ amendment: "1" }` from "First Amendment". Undefined when the match is too
 * weak to be a legal reference: a bare "chapter 3" must at least be capitalised ("Section 230").
 */
export function readLegal(text: string, analysis: Analysis, span: Span): LegalValues | undefined {
  const head = analysis.values[span.first] as string;
  const headLower = head.toLowerCase();
  if (!PROVISIONS.has(headLower)) {
    // "[ORDINAL] amendment"
    const ordinal = head.replace(/(?<=\d)(?:st|nd|rd|th)$/u, "").toLowerCase();
    const number = ORDINALS[ordinal] ?? (/^\d+$/u.test(ordinal) ? ordinal : undefined);
    const last = (analysis.values[span.last] as string).toLowerCase();
    if (!number || last !== "amendment" || !/^\p{Lu}/u.test(analysis.values[span.last] as string)) {
      return undefined;
    }
    return { amendment: number };
  }
  const key = headLower as LegalProvision;
  const number = analysis.values[span.first + 1] as string;
  let of = -1;
  for (let i = span.first + 2; i <= span.last; i++) {
    if ((analysis.values[i] as string).toLowerCase() === "of") {
      of = i;
      break;
    }
  }
  if (of < 0) {
    if (!/^\p{Lu}/u.test(head)) return undefined;
    return { [key]: number };
  }
  let from = of + 1;
  if ((analysis.values[from] as string | undefined)?.toLowerCase() === "the") from++;
  let to = span.last;
  // The optional trailing noun in the pattern may be a common noun after the name ("Treaty states").
  while (to > from && !/^\p{Lu}/u.test(analysis.values[to] as string)) to--;
  if (from > to) return { [key]: number };
  const instrument = text
    .slice(analysis.starts[from], analysis.ends[to])
    .replace(/\s+/gu, " ")
    .trim();
  return { [key]: number, instrument };
}
