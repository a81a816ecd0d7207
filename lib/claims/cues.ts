// Token-level cues that decide whether a sentence is a claim and of which softer kind.

import type { Analysis } from "./nlp";

const OPINION_VERBS = new Set([
  "think",
  "believe",
  "feel",
  "hope",
  "guess",
  "suppose",
  "reckon",
  "doubt",
  "wish",
  "love",
  "hate",
]);
// Words without which none of the opinion phrases can occur; the phrase test runs only after one.
const OPINION_TRIGGERS = new Set([
  "my",
  "our",
  "me",
  "personally",
  "frankly",
  "arguably",
  "sure",
  "convinced",
]);
const OPINION_PHRASES =
  /\b(?:in my (?:view|opinion)|in our (?:view|opinion)|it seems to me|personally|frankly|arguably|i am sure|i'm sure|i am convinced|to my mind)\b/iu;
const MODALS = new Set([
  "will",
  "would",
  "may",
  "might",
  "could",
  "shall",
  "'ll",
  "’ll",
  "should",
  "must",
  "ought",
]);
const NORMATIVE = new Set(["should", "must", "ought"]);
const SUPERLATIVE_STOP = new Set([
  "latest",
  "honest",
  "modest",
  "earnest",
  "interest",
  "forest",
  "harvest",
  "protest",
  "arrest",
  "request",
  "suggest",
  "contest",
  "manifest",
  "invest",
  "guest",
  "west",
  "rest",
  "test",
  "quest",
]);
const COMPARATIVES = new Set([
  "more",
  "less",
  "fewer",
  "greater",
  "higher",
  "lower",
  "larger",
  "smaller",
  "bigger",
  "better",
  "worse",
  "older",
  "younger",
  "richer",
  "poorer",
  "faster",
  "slower",
  "cheaper",
  "longer",
  "shorter",
]);
// Verbs whose past or passive use reports something that happened, which can be checked.
const EVENT_LEMMAS = new Set([
  "arrest",
  "investigate",
  "detain",
  "charge",
  "convict",
  "sentence",
  "jail",
  "imprison",
  "indict",
  "sue",
  "kill",
  "die",
  "injure",
  "wound",
  "resign",
  "appoint",
  "elect",
  "sign",
  "ratify",
  "announce",
  "launch",
  "attack",
  "invade",
  "withdraw",
  "deploy",
  "ban",
  "approve",
  "vote",
  "win",
  "lose",
  "fire",
  "dismiss",
  "remove",
  "oust",
  "rename",
  "land",
  "arrive",
  "protest",
  "strike",
  "raid",
  "seize",
  "capture",
  "release",
  "free",
  "meet",
  "visit",
  "declare",
  "impose",
  "lift",
  "sanction",
  "shoot",
  "bomb",
  "explode",
  "crash",
  "collapse",
  "flee",
  "evacuate",
  "found",
  "establish",
  "merge",
  "acquire",
  "hire",
  "cancel",
  "postpone",
  "suspend",
  "veto",
  "enact",
  "repeal",
  "amend",
  "reject",
  "storm",
  "occupy",
  "burn",
  "loot",
  "kidnap",
  "murder",
  "assassinate",
  "execute",
  "overthrow",
  "topple",
  "depose",
  "rush",
  "fell",
  "rename",
  "expel",
  "deport",
  "extradite",
  "pardon",
  "accuse",
  "fine",
]);

export interface SentenceCues {
  question: boolean;
  exclamation: boolean;
  opinion: boolean;
  /** A modal (will, may, could, …) governs the sentence: a prediction or a possibility. */
  modal: boolean;
  normative: boolean;
  comparison: boolean;
  event: boolean;
  hasName: boolean;
  /** A verb or auxiliary outside a modal: the sentence says someone does or has something. */
  hasVerb: boolean;
  /** A verb no modal governs ("statues were felled" beside "the era may be over"). */
  unmodalVerb: boolean;
}

function lower(analysis: Analysis, i: number): string {
  return (analysis.values[i] as string).toLowerCase();
}

function isComparisonAt(analysis: Analysis, i: number, last: number): boolean {
  const word = lower(analysis, i);
  const pos = analysis.pos[i];
  if (
    word.length >= 5 &&
    word.endsWith("est") &&
    (pos === "ADJ" || pos === "ADV") &&
    !SUPERLATIVE_STOP.has(word)
  ) {
    return true;
  }
  if (word === "best" || word === "worst") return true;
  if (word === "most" || word === "least") {
    for (let j = i + 1; j <= Math.min(last, i + 3); j++) if (analysis.pos[j] === "ADJ") return true;
  }
  if (word === "than" && i > 0) {
    const before = lower(analysis, i - 1);
    if (before === "rather" || before === "other") return false;
    for (let j = Math.max(0, i - 4); j < i; j++) {
      const w = lower(analysis, j);
      if (COMPARATIVES.has(w) || (analysis.pos[j] === "ADJ" && w.endsWith("er"))) return true;
    }
  }
  if ((word === "compared" || word === "comparison") && i < last) {
    const next = lower(analysis, i + 1);
    if (next === "with" || next === "to") return true;
  }
  if (word === "twice" || word === "times") {
    const next = i < last ? lower(analysis, i + 1) : "";
    if (next === "as" || next === "more" || next === "higher" || next === "larger") return true;
  }
  return false;
}

function hasModalBefore(analysis: Analysis, i: number, first: number): boolean {
  for (let j = Math.max(first, i - 4); j < i; j++) if (MODALS.has(lower(analysis, j))) return true;
  return false;
}

/** One pass over a sentence's tokens, `first` to `last` inclusive. */
export function readCues(analysis: Analysis, first: number, last: number): SentenceCues {
  const cues: SentenceCues = {
    question: false,
    exclamation: false,
    opinion: false,
    modal: false,
    normative: false,
    comparison: false,
    event: false,
    hasName: false,
    hasVerb: false,
    unmodalVerb: false,
  };
  let end = last;
  while (end > first && /^["'”’»)\]]+$/u.test(analysis.values[end] as string)) end--;
  cues.question = analysis.values[end] === "?";
  cues.exclamation = analysis.values[end] === "!";
  let triggered = false;
  for (let i = first; i <= last; i++) {
    const word = lower(analysis, i);
    const pos = analysis.pos[i];
    if (!triggered && OPINION_TRIGGERS.has(word)) triggered = true;
    // wink tags some names as verbs ("in Hull"); a capital inside a sentence is a name too.
    // At the start of a sentence wink tags capitalised plurals as names ("Prices may rise"), so
    // a first word counts only when it does not end like a plural.
    if (
      (pos === "PROPN" && (i > first || !word.endsWith("s"))) ||
      (i > first && word !== "i" && pos !== "PRON" && /^\p{Lu}/u.test(analysis.values[i] as string))
    ) {
      cues.hasName = true;
    }
    if ((pos === "VERB" || pos === "AUX") && !MODALS.has(word)) {
      cues.hasVerb = true;
      if (
        !cues.unmodalVerb &&
        !hasModalBefore(analysis, i, first) &&
        (i === first || lower(analysis, i - 1) !== "to")
      ) {
        cues.unmodalVerb = true;
      }
    }
    if ((word === "i" || word === "we") && i < last && OPINION_VERBS.has(lower(analysis, i + 1))) {
      cues.opinion = true;
    }
    if (MODALS.has(word)) cues.modal = true;
    if (NORMATIVE.has(word)) cues.normative = true;
    if (!cues.comparison && isComparisonAt(analysis, i, last)) cues.comparison = true;
    if (
      !cues.event &&
      pos === "VERB" &&
      EVENT_LEMMAS.has(analysis.lemmas[i] as string) &&
      !hasModalBefore(analysis, i, first)
    ) {
      cues.event = true;
    }
  }
  if (triggered) {
    const words: string[] = [];
    for (let i = first; i <= Math.min(last, first + 40); i++) words.push(lower(analysis, i));
    if (OPINION_PHRASES.test(words.join(" "))) cues.opinion = true;
  }
  return cues;
}
