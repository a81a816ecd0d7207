// One proposition, one claim: where a sentence joins independent checkable facts, the token
// ranges of each.

import type { Analysis } from "./nlp";

const DASHES = new Set(["–", "—", "-", "--"]);
const CONJUNCTIONS = new Set(["and", "but", "while", "whereas"]);
// Tokens that can open the subject of a new clause.
const SUBJECT_POS = new Set(["DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ"]);
const NOT_SUBJECT = new Set(["that", "which", "who", "whom", "whose", "what", "to", "then"]);
const MIN_PART_WORDS = 3;
const WORD_POS = new Set(["PUNCT", "SYM", "SPACE", "X"]);

const lower = (a: Analysis, i: number) => (a.values[i] as string).toLowerCase();

function hasVerb(a: Analysis, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const pos = a.pos[i];
    if (pos === "VERB" || pos === "AUX") return true;
  }
  return false;
}

function words(a: Analysis, from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (!WORD_POS.has(a.pos[i] as string)) n++;
  return n;
}

// "two of her deputies were dismissed": a subject, then within a few words its finite verb,
// with no punctuation between. A verb straight after the conjunction shares the earlier subject
// ("resigned and left") and is not a new proposition.
function opensClause(a: Analysis, at: number, last: number): boolean {
  if (at > last) return false;
  const pos = a.pos[at] as string;
  if (!SUBJECT_POS.has(pos) || NOT_SUBJECT.has(lower(a, at))) return false;
  for (let i = at + 1; i <= Math.min(last, at + 8); i++) {
    const p = a.pos[i];
    if (p === "AUX") return true;
    if (p === "VERB") {
      // A participle after a noun is more often a modifier ("the troops deployed there") than a
      // verb; accept it when the word looks finite (-ed / -s forms are ambiguous, so require
      // that the subject be more than one bare adjective).
      return i > at;
    }
    if (p === "PUNCT" || p === "CCONJ" || p === "SCONJ") return false;
  }
  return false;
}

// Is the dash at token i spaced ("X – Y"), as opposed to a hyphen inside a word?
function spacedDash(text: string, a: Analysis, i: number): boolean {
  const start = a.starts[i] as number;
  const end = a.ends[i] as number;
  return /\s/u.test(text.charAt(start - 1)) && /\s/u.test(text.charAt(end));
}

function trimEnd(a: Analysis, from: number, to: number): number {
  let t = to;
  while (t > from && /^[,;:–—-]+$/u.test(a.values[t] as string)) t--;
  return t;
}

/**
 * The propositions of the sentence of tokens first..last as inclusive token ranges, in order and
 * disjoint. Split points: a semicolon, a spaced dash, "as well as" or a conjunction ("and",
 * "but", "while", "whereas") followed by a new subject and verb; each part must have a verb and
 * at least three words, or the split is not made. Nothing inside brackets splits.
 */
export function splitPropositions(
  text: string,
  a: Analysis,
  first: number,
  last: number,
): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = first;
  let depth = 0;
  for (let i = first + 1; i < last; i++) {
    const v = a.values[i] as string;
    if (v === "(" || v === "[") depth++;
    else if ((v === ")" || v === "]") && depth > 0) depth--;
    if (depth > 0) continue;
    let next = -1;
    const w = v.toLowerCase();
    if (v === ";") next = i + 1;
    else if (DASHES.has(v) && spacedDash(text, a, i)) next = i + 1;
    else if (CONJUNCTIONS.has(w) && a.pos[i] !== "ADV") next = i + 1;
    else if (w === "as" && lower(a, i + 1) === "well" && i + 2 < last && lower(a, i + 2) === "as") {
      next = i + 3;
    }
    if (next < 0 || next > last) continue;
    const leftEnd = trimEnd(a, from, i - 1);
    if (leftEnd < from || !hasVerb(a, from, leftEnd) || words(a, from, leftEnd) < MIN_PART_WORDS) {
      continue;
    }
    if (!opensClause(a, next, last) || words(a, next, last) < MIN_PART_WORDS) continue;
    if (!hasVerb(a, next, last)) continue;
    parts.push([from, leftEnd]);
    from = next;
    i = next;
  }
  parts.push([from, last]);
  return parts;
}

/**
 * Sentences (inclusive token ranges) with wrong breaks mended: a sentence that opens on a
 * lower-case word after one that ends on a full stop, a bracket or a closing quote continues it. The tagger breaks
 * after abbreviations in brackets ("Sen. Ann Fox (D-Vt.) said …") and after initials.
 */
export function joinBrokenSentences(
  a: Analysis,
  sentences: Array<[number, number]>,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const sentence of sentences) {
    const previous = out[out.length - 1];
    if (previous && /^\p{Ll}/u.test(a.values[sentence[0]] as string)) {
      const end = a.values[previous[1]] as string;
      // "“Why now?” asked Ann Fox." is one sentence too.
      if (end === ")" || end.endsWith(".") || /^["”’']+$/u.test(end)) {
        previous[1] = sentence[1];
        continue;
      }
    }
    out.push([sentence[0], sentence[1]]);
  }
  return out;
}
