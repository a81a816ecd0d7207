// Who says what: attribution cues ("X said", "said X", "according to X", "X told …") in a
// sentence, the speaker they name with the title or role split off, and the article-wide
// bookkeeping that turns "Ms Rowe" into "Alison Rowe" and "she said" into the person just named.

import type { Analysis } from "./nlp";

// Lemmas of verbs that report speech, writing or a stated position.
const SPEECH_LEMMAS = new Set(
  (
    "say tell add state claim write argue note insist warn explain declare announce maintain " +
    "assert observe remark comment suggest acknowledge admit confirm deny tweet report contend " +
    "allege testify recall estimate emphasize emphasise stress concede complain reply respond " +
    "urge promise vow predict charge counter caution point accuse boast joke quip recount reveal " +
    "disclose concede agree disagree conclude acknowledge describe lament criticize criticise " +
    "praise signal indicate believe think tout question defend call cite answer ask blame " +
    "endorse pledge propose demand mention continue find show conclude forecast project " +
    "proclaim insist retort rebut dispute reject applaud slam blast condemn thank welcome " +
    "advise recommend acknowledge concede opine muse hint speculate wonder"
  ).split(" "),
);
// Speech lemmas that are often something else; they count only with a named subject before them.
const WEAK_LEMMAS = new Set(
  (
    "point charge believe think describe signal note tout question defend call cite answer ask " +
    "blame endorse pledge propose demand mention continue find show forecast project reject " +
    "welcome thank advise recommend wonder dispute"
  ).split(" "),
);
// Forms wink may tag as nouns at the end of a quotation ("…,” Smith notes.).
const SPEECH_FORMS = new Set(
  (
    "says said notes noted adds added tweets tweeted writes wrote answers answered argues " +
    "argued claims claimed warns warned tells told explains explained insists insisted " +
    "recalls recalled quips quipped continues continued"
  ).split(" "),
);
// Heads of a document or survey that speaks for its maker ("A Quinnipiac University poll found").
const DOCUMENT_NOUNS = new Set(
  (
    "poll polls survey surveys study studies report reports records data figures statement " +
    "statements analysis filing filings documents audit review estimates ruling website memo " +
    "letter release readout summary results analysis count tally tracker"
  ).split(" "),
);

// Lower-case heads of a body named by a name before them ("the Clinton campaign").
const ORG_NOUNS = new Set(
  "campaign administration government camp team party committee office ministry agency".split(" "),
);

/** Words that give a person's office or function rather than their name. */
const TITLE_WORDS = new Set(
  (
    "president vice senator sen rep representative congressman congresswoman gov governor " +
    "secretary minister leader chairman chairwoman chair spokesman spokeswoman spokesperson " +
    "director chief mayor judge justice speaker candidate nominee ambassador general gen lt col " +
    "adm commissioner attorney prime premier chancellor king queen prince princess pope rev " +
    "professor prof sheriff officer manager adviser advisor aide analyst strategist pollster " +
    "economist founder ceo executive head commander deputy councilman councilwoman lawmaker " +
    "activist member host author correspondent reporter editor historian lawyer counsel " +
    "treasurer whip majority minority delegate superintendent inspector commentator official " +
    "chairperson candidate hopeful contender rival opponent mogul billionaire businessman " +
    "businesswoman expert researcher scientist doctor dr director-general"
  ).split(" "),
);
// Offices whose holders are named by their place rather than their employer.
const PLACED_TITLES = new Set(
  (
    "senator congressman congresswoman representative governor mayor lawmaker delegate " +
    "candidate nominee billionaire mogul businessman businesswoman hopeful contender rival " +
    "opponent native resident voter"
  ).split(" "),
);
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "mx", "sir", "dame", "mr.", "mrs.", "ms."]);
const PERSONAL_PRONOUNS = new Set(["he", "she"]);
const NOT_NAMES = new Set(
  (
    "i we you he she it they this that these those the a an some any each every all both " +
    "according but and or so yet if when while as after before since because although though " +
    "also meanwhile however still then there here in on at for with from by of to it's"
  ).split(" "),
);
const LINKS = new Set(["'s", "’s", "'", "’"]);
const BRIDGES = new Set(["for", "of", "at", "with", "from", "by"]);

const BODY_WORDS =
  /^(?:Department|Ministry|Party|Committee|Commission|University|Council|House|Office|Institute|Agency|Court|Bank|Post|Times|News|Service|Board|Authority|Association|Foundation|Center|Centre|Group|Campaign|Company|Corporation|Union|Organisation|Organization|Senate|Congress|Parliament|Government|Administration|Police|Army|Force|Forces|Journal|Network|Report|Poll|Survey)$/u;

export interface SpeechCue {
  /** Offsets (in the analysed text) of the cue and its source, for placing quotations. */
  start: number;
  end: number;
  speaker?: string;
  speakerRole?: string;
  /** A pronoun ("he said") for the caller to resolve. */
  pronoun?: string;
  /** A plain speech verb ("said", "according to") rather than a softer cue ("maintained"). */
  strong?: true;
  /** A speaker's label opening a line ("JANE FOX: …", "Tom Reyes: …"): it runs to the next cue. */
  label?: true;
}

const STRONG_LEMMAS = new Set(
  "say tell add write tweet state claim argue warn note insist explain report".split(" "),
);

const lower = (a: Analysis, i: number) => (a.values[i] as string).toLowerCase();
const capitalised = (a: Analysis, i: number) => /^\p{Lu}/u.test(a.values[i] as string);

// "spokesmen", "officials", "aides": a plural office names a group speaking for a body.
function singular(word: string): string {
  if (word.endsWith("men")) return `${word.slice(0, -3)}man`;
  return word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

function isTitle(a: Analysis, i: number): boolean {
  const w = lower(a, i).replace(/\.$/u, "");
  return TITLE_WORDS.has(w) || (!capitalised(a, i) && TITLE_WORDS.has(singular(w)));
}

// Words of a time expression that may stand between a source and its verb ("Trump on Tuesday
// said", "said Sunday"): never a source themselves.
const TIME_WORDS = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow " +
    "week weekend month year morning afternoon evening night earlier later recently last this " +
    "next on ago"
  ).split(" "),
);
const isTime = (a: Analysis, i: number) => TIME_WORDS.has(lower(a, i));

/** Index before the time expression that ends at i ("on Thursday", "last week"), or i. */
function skipBackOverTime(a: Analysis, i: number, first: number): number {
  let j = i;
  while (j >= first && (isTime(a, j) || (a.pos[j] === "ADV" && isTime(a, j + 1)))) j--;
  // Only a time expression with a day or a period in it is skipped, not a lone "last".
  return j < i &&
    /day|week|month|year|night|morning|noon|evening|ago|today|tonight/u.test(lower(a, i))
    ? j
    : i;
}

function isHonorific(a: Analysis, i: number): boolean {
  const w = lower(a, i);
  return HONORIFICS.has(w) || HONORIFICS.has(`${w}.`);
}

// A token that can be part of a name: a proper noun, or a capitalised word that is not the
// sentence's first (where every word is capitalised) unless wink tags it a proper noun.
function isNameToken(a: Analysis, i: number, first: number): boolean {
  const w = lower(a, i);
  if (NOT_NAMES.has(w)) return false;
  if (!capitalised(a, i)) return /^(?:de|van|von|al|bin|la|le|da|di|del|der)$/u.test(w);
  if (a.pos[i] === "PROPN") return true;
  if (i === first) return false;
  const pos = a.pos[i];
  // A capitalised "verb" after a first name is a surname the tagger misread ("Kevin Madden").
  if ((pos === "VERB" || pos === "AUX") && a.pos[i - 1] === "PROPN" && capitalised(a, i - 1)) {
    return true;
  }
  return pos !== "VERB" && pos !== "AUX" && pos !== "DET" && pos !== "ADP" && pos !== "PRON";
}

// Tokens that can sit in the noun phrase naming a source: names, titles, adjectives, nouns,
// possessives, initials' full stops and hyphens.
function isPhraseToken(a: Analysis, i: number, first: number): boolean {
  const pos = a.pos[i];
  const v = a.values[i] as string;
  if (LINKS.has(v) || v === ".") return true;
  // A hyphen, not a spaced dash between a headline and a name ("… TIME - Jo Fox: …").
  if (v === "-") return a.starts[i] === a.ends[i - 1];
  // The second half of a hyphenated modifier ("Boston-based", "long-time").
  if (i > 0 && a.values[i - 1] === "-" && a.starts[i] === a.ends[i - 1]) return true;
  if (NOT_NAMES.has(lower(a, i))) return false;
  return (
    DOCUMENT_NOUNS.has(lower(a, i)) ||
    pos === "PROPN" ||
    pos === "NOUN" ||
    pos === "ADJ" ||
    isNameToken(a, i, first) ||
    isTitle(a, i) ||
    (pos === "NUM" && capitalised(a, i))
  );
}

function slice(text: string, a: Analysis, from: number, to: number): string {
  return text
    .slice(a.starts[from], a.ends[to])
    .replace(/\s+/gu, " ")
    .replace(/\s+(['’]s?)\b/gu, "$1")
    .trim();
}

/**
 * Read a noun phrase (tokens from..to) that names a source: "Shadow health secretary Alison
 * Rowe" is Alison Rowe, role Shadow health secretary; "Trump's spokesman" is Trump, role
 * spokesman; "the spokesman" names no one.
 */
function readSource(
  text: string,
  a: Analysis,
  from: number,
  to: number,
  first: number,
): { speaker?: string; speakerRole?: string } {
  while (to >= from && (a.values[to] === "." || a.values[to] === "-")) to--;
  if (to < from) return {};
  // The name is the final run of name tokens that are not titles.
  let nameEnd = to;
  if (LINKS.has(a.values[nameEnd] as string)) return {};
  let nameStart = -1;
  for (let i = nameEnd; i >= from; i--) {
    const v = a.values[i] as string;
    if (isNameToken(a, i, first) && !isTitle(a, i) && !isHonorific(a, i)) nameStart = i;
    else if (v === "." && nameStart === i + 1 && i > from) continue;
    // A hyphen inside a name ("Seitz-Wald"), not a dash between a headline and a name.
    else if (v === "-" && nameStart === i + 1 && i > from && a.starts[i] === a.ends[i - 1]) {
    } else if (v === "of" && nameStart === i + 1 && i > from && isNameToken(a, i - 1, first)) {
    } else break;
  }
  if (nameStart < 0 && DOCUMENT_NOUNS.has(lower(a, to))) {
    // "A Quinnipiac University poll found": the poll speaks for whoever made it.
    let k = to;
    while (k > from && DOCUMENT_NOUNS.has(lower(a, k))) k--;
    if (k >= from && isNameToken(a, k, first)) {
      let s = k;
      while (s > from && isNameToken(a, s - 1, first)) s--;
      return { speaker: slice(text, a, s, to) };
    }
  }
  if (
    nameStart < 0 &&
    ORG_NOUNS.has(lower(a, to)) &&
    to > from &&
    !LINKS.has(a.values[to - 1] as string)
  ) {
    // "the Trump campaign", "the Obama administration": a body named after its leader.
    let s = to;
    while (s > from && isNameToken(a, s - 1, first) && !isTitle(a, s - 1)) s--;
    if (s < to) return { speaker: slice(text, a, s, to) };
  }
  if (nameStart < 0 && isTitle(a, to) && !capitalised(a, to)) {
    // "a State Department spokesman", "a Clinton campaign official": the body or person the
    // official speaks for, with the office as the role.
    let k = to;
    while (k > from && !isNameToken(a, k, first)) k--;
    let possessive = false;
    for (let i = k + 1; i <= to; i++) if (LINKS.has(a.values[i] as string)) possessive = true;
    // "the Vermont senator", "the New York billionaire": a place, not a body speaking.
    const placed = PLACED_TITLES.has(lower(a, to));
    if (!possessive && !placed && k >= from && isNameToken(a, k, first) && !isTitle(a, k)) {
      let s = k;
      while (s > from && isNameToken(a, s - 1, first) && !isTitle(a, s - 1)) s--;
      return { speaker: slice(text, a, s, k), speakerRole: slice(text, a, k + 1, to) };
    }
  }
  if (nameStart < 0) {
    // "Trump's spokesman", "the campaign of Clinton": the possessor is the source.
    for (let i = to; i > from; i--) {
      if (!LINKS.has(a.values[i] as string)) continue;
      const owner = readSource(text, a, from, i - 1, first);
      if (!owner.speaker) return {};
      const role = slice(text, a, i + 1, to);
      return owner.speakerRole
        ? { speaker: owner.speaker, speakerRole: `${owner.speakerRole}, ${role}` }
        : { speaker: owner.speaker, speakerRole: role };
    }
    return {};
  }
  while (a.values[nameStart] === "." || a.values[nameStart] === "-") nameStart++;
  nameEnd = to;
  let timeOnly = true;
  for (let i = nameStart; i <= nameEnd; i++) if (!isTime(a, i)) timeOnly = false;
  if (timeOnly) return {};
  // "Mary Fallin of Oklahoma" is Mary Fallin, of Oklahoma; "the Bank of England" stays whole.
  let place: string | undefined;
  for (let i = nameStart + 2; i < nameEnd; i++) {
    if (lower(a, i) !== "of" || BODY_WORDS.test(a.values[i - 1] as string)) continue;
    place = slice(text, a, i, nameEnd);
    nameEnd = i - 1;
    break;
  }
  const speaker = slice(text, a, nameStart, nameEnd).replace(/['’]s?$/u, "");
  let roleEnd = nameStart - 1;
  while (roleEnd >= from && (isHonorific(a, roleEnd) || a.values[roleEnd] === ".")) roleEnd--;
  if (roleEnd < from) return { speaker };
  // A role has a title word in it ("former head", "Republican candidate"); anything else before
  // the name is a description we do not keep ("the embattled").
  let hasTitle = false;
  for (let i = from; i <= roleEnd; i++) if (isTitle(a, i)) hasTitle = true;
  if (!hasTitle) return { speaker };
  const role = slice(text, a, from, roleEnd);
  return { speaker, speakerRole: place ? `${role} ${place}` : role };
}

/** Start of the noun phrase that ends at `end`, walking back; -1 when there is none. */
function phraseStartBefore(a: Analysis, end: number, first: number): number {
  let start = -1;
  for (let i = end; i >= first && end - i < 10; i--) {
    if (isPhraseToken(a, i, first)) start = i;
    else if (!(lower(a, i) === "of" && start === i + 1 && i > first && capitalised(a, i - 1))) {
      // "the Bank of England", "Gov. Mary Fallin of Oklahoma": "of" between capitalised words.
      break;
    }
  }
  return start;
}

function phraseEndAfter(a: Analysis, start: number, last: number, first: number): number {
  let end = -1;
  for (let i = start; i <= last && i - start < 10; i++) {
    if (isPhraseToken(a, i, first)) end = i;
    else if (
      // "the Department of Education", "the Bank of England": "of" inside a capitalised name.
      lower(a, i) === "of" &&
      end === i - 1 &&
      i < last &&
      capitalised(a, i - 1) &&
      capitalised(a, i + 1)
    ) {
    } else break;
  }
  return end;
}

// Words that may stand between a subject and its speech verb: "has said", "also told",
// "later wrote", "repeatedly warned".
function skipBackOverAuxiliaries(a: Analysis, i: number, first: number): number {
  let j = i;
  while (j >= first && (a.pos[j] === "ADV" || a.pos[j] === "AUX" || a.pos[j] === "PART")) j--;
  return j;
}

const isDash = (a: Analysis, i: number) => /^(?:—|–|--)$/u.test(a.values[i] as string);

// "Her spokesman, Brian Fallon, said": a role, then the name between commas.
function roleThenName(
  text: string,
  a: Analysis,
  comma: number,
  first: number,
): { speaker: string; speakerRole: string; start: number } | undefined {
  let open = comma - 1;
  while (
    open > first &&
    comma - open <= 5 &&
    (isNameToken(a, open, first) || a.values[open] === ".")
  )
    open--;
  if (a.values[open] !== "," || comma - open < 3 || !isTitle(a, open - 1)) return undefined;
  const named = readSource(text, a, open + 1, comma - 1, first);
  if (!named.speaker || named.speakerRole) return undefined;
  let from = open - 1;
  while (from > first && isPhraseToken(a, from - 1, first) && open - from < 8) from--;
  if (/^(?:the|a|an|his|her|their|its)$/u.test(lower(a, from))) from++;
  return {
    speaker: named.speaker,
    speakerRole: slice(text, a, from, open - 1),
    start: a.starts[from] as number,
  };
}

// Tokens after which a subject can open a clause: the sentence start, punctuation or a conjunction.
function opensSubject(a: Analysis, i: number, first: number): boolean {
  if (i <= first) return true;
  const before = a.values[i - 1] as string;
  return /^[,;:(“”"‘’—–]$/u.test(before) || /^(?:and|but|so|yet|while)$/u.test(lower(a, i - 1));
}

/**
 * The source of "NAME, APPOSITIVE, said", the comma before the verb at `comma`: "Karim Masimov,
 * the former head of state security, said"; "Jo Hart, 39, a nurse from Leeds who saw it, told".
 * The name is the phrase before an earlier comma that opens a clause (the appositive may hold
 * commas of its own), the role the appositive's first part that is not a bare number.
 */
function appositiveSource(
  text: string,
  a: Analysis,
  comma: number,
  first: number,
): { speaker?: string; speakerRole?: string; start: number } | undefined {
  const dash = isDash(a, comma);
  const swapped = !dash && roleThenName(text, a, comma, first);
  if (swapped) return swapped;
  let fallback: { from: number; open: number } | undefined;
  let chosen: { from: number; open: number } | undefined;
  for (let k = comma - 1; k >= first && comma - k < 48; k--) {
    const v = a.values[k] as string;
    if (v === ";") break;
    // "Newt Gingrich — a former speaker — told": dashes pair with dashes, commas with commas.
    if (dash ? a.values[k] !== a.values[comma] : v !== ",") continue;
    const from = phraseStartBefore(a, k - 1, first);
    if (from < 0) continue;
    if (!fallback && comma - k < 16) fallback = { from, open: k };
    if (opensSubject(a, from, first) && readSource(text, a, from, k - 1, first).speaker) {
      // The name that opens the sentence wins over a place inside the appositive ("Jo Hart, a
      // driver from Ava, Mo., said").
      chosen = { from, open: k };
      if (from === first || !/^[,]$/u.test(a.values[from - 1] as string)) break;
    }
  }
  const pick = chosen ?? fallback;
  if (!pick) return undefined;
  const named = readSource(text, a, pick.from, pick.open - 1, first);
  if (!named.speaker) return undefined;
  // The appositive's parts, between its commas; the first with a word in it may be the role.
  let role: string | undefined;
  let partFrom = pick.open + 1;
  for (let k = pick.open + 1; k <= comma; k++) {
    if (a.values[k] !== a.values[comma] && k !== comma) continue;
    const part = partFrom <= k - 1 ? slice(text, a, partFrom, k - 1) : "";
    if (/\p{L}/u.test(part)) {
      role = rolePhrase(text, a, partFrom, k - 1);
      break;
    }
    partFrom = k + 1;
  }
  return {
    speaker: named.speaker,
    speakerRole: role ?? named.speakerRole,
    start: a.starts[pick.from] as number,
  };
}

function sourceBefore(
  text: string,
  a: Analysis,
  verb: number,
  first: number,
): { speaker?: string; speakerRole?: string; pronoun?: string; start: number } | undefined {
  let j = skipBackOverAuxiliaries(a, verb - 1, first);
  j = skipBackOverAuxiliaries(a, skipBackOverTime(a, j, first), first);
  if (j < first) return undefined;
  // "Marcel Lehel, the hacker known as “Guccifer,” stated": the comma sits inside the quote.
  if (/^["”’]$/u.test(a.values[j] as string) && a.values[j - 1] === ",") j--;
  const w = lower(a, j);
  if (PERSONAL_PRONOUNS.has(w)) return { pronoun: w, start: a.starts[j] as number };
  // "Karim Masimov, the former head of state security, said": the appositive gives the role.
  if (a.values[j] === "," || isDash(a, j)) return appositiveSource(text, a, j, first);
  // "Governor Mary Fallin (R-OK) said": the bracket is skipped.
  if (a.values[j] === ")") {
    let k = j - 1;
    while (k > first && a.values[k] !== "(" && j - k < 30) k--;
    if (a.values[k] === "(") j = k - 1;
  }
  const from = phraseStartBefore(a, j, first);
  if (from < 0 || !/[\p{L}\p{N}]/u.test(a.values[j] as string)) return undefined;
  // "a spokesman for the State Department": the body after the preposition is the source.
  const named = readSource(text, a, from, j, first);
  if (named.speaker) {
    let k = from - 1;
    if (k >= first && /^(?:the|a|an)$/u.test(lower(a, k))) k--;
    if (k > first && BRIDGES.has(lower(a, k))) {
      let r = k - 1;
      const roleFrom = phraseStartBefore(a, r, first);
      if (roleFrom >= 0 && isTitle(a, r)) {
        while (r >= roleFrom && !isTitle(a, r)) r--;
        return {
          speaker: named.speaker,
          speakerRole: slice(text, a, roleFrom, k - 1),
          start: a.starts[roleFrom] as number,
        };
      }
    }
  }
  return { ...named, start: a.starts[from] as number };
}

function sourceAfter(
  text: string,
  a: Analysis,
  at: number,
  last: number,
  first: number,
): { speaker?: string; speakerRole?: string; pronoun?: string; end: number } | undefined {
  let i = at;
  if (i > last) return undefined;
  const w = lower(a, i);
  if (PERSONAL_PRONOUNS.has(w)) return { pronoun: w, end: a.ends[i] as number };
  // "said Sunday in Madison that …": a time, not a source.
  if (isTime(a, i)) return undefined;
  if (/^(?:the|a|an)$/u.test(w)) i++;
  let end = phraseEndAfter(a, i, last, first);
  if (end < 0) return undefined;
  // "according to a poll last week": the time is not part of the source.
  while (end > i && a.values[end] === ".") end--;
  const untimed = skipBackOverTime(a, end, i);
  if (untimed < end && untimed >= i) end = untimed;
  let stop = end;
  // "according to Kazakh analyst Aiman Zhussupova, …": stop at the first non-name after a name.
  const named = readSource(text, a, i, stop, first);
  if (named.speaker || stop === last) return { ...named, end: a.ends[stop] as number };
  // "a spokesman for the State Department"
  stop = end + 1;
  if (stop < last && BRIDGES.has(lower(a, stop))) {
    let k = stop + 1;
    if (/^(?:the|a|an)$/u.test(lower(a, k))) k++;
    const bodyEnd = phraseEndAfter(a, k, last, first);
    if (bodyEnd >= 0) {
      const body = readSource(text, a, k, bodyEnd, first);
      if (body.speaker) {
        // "data from the Department of Education" has no role; "a spokesman for …" has one.
        return DOCUMENT_NOUNS.has(lower(a, end))
          ? { speaker: body.speaker, end: a.ends[bodyEnd] as number }
          : {
              speaker: body.speaker,
              speakerRole: slice(text, a, i, end),
              end: a.ends[bodyEnd] as number,
            };
      }
    }
  }
  return { ...named, end: a.ends[end] as number };
}

function isSpeechVerb(a: Analysis, i: number): boolean {
  const pos = a.pos[i];
  if (pos !== "VERB" && pos !== "AUX") return SPEECH_FORMS.has(lower(a, i)) && i > 0;
  const lemma = a.lemmas[i] as string;
  if (!SPEECH_LEMMAS.has(lemma)) return false;
  // "said" as an adjective ("the said agreement") or a participle after "is" ("is said to be")
  return lower(a, i - 1 < 0 ? i : i - 1) !== "the";
}

// The source of the clause that ends at `end`: the noun phrase before its verb, the nearest verb
// walking back ("Clinton's aide rallied supporters, saying …" is Clinton's aide).
function clauseSubject(
  text: string,
  a: Analysis,
  first: number,
  end: number,
): { speaker?: string; speakerRole?: string; pronoun?: string } | undefined {
  for (let i = end; i > first; i--) {
    if (a.pos[i] !== "VERB" && a.pos[i] !== "AUX") continue;
    // Walk back to the first verb of a verb group ("has been pushing").
    let v = i;
    while (v > first && (a.pos[v - 1] === "AUX" || a.pos[v - 1] === "ADV")) v--;
    const source = sourceBefore(text, a, v, first);
    if (!source || (!source.speaker && !source.pronoun)) return undefined;
    const { start: _start, ...rest } = source;
    return rest;
  }
  return undefined;
}

// The source named at the start of the sentence, before its first verb ("Ann Fox, the mayor,
// opened the session …").
function sentenceSubject(
  text: string,
  a: Analysis,
  first: number,
  end: number,
): { speaker?: string; speakerRole?: string; pronoun?: string } | undefined {
  for (let i = first + 1; i <= end; i++) {
    if (a.pos[i] !== "VERB" && a.pos[i] !== "AUX") continue;
    if (isNameToken(a, i, first) && a.pos[i - 1] === "PROPN") continue;
    const source = sourceBefore(text, a, i, first);
    if (!source?.speaker || a.starts[first] !== source.start) return undefined;
    return {
      speaker: source.speaker,
      ...(source.speakerRole ? { speakerRole: source.speakerRole } : {}),
    };
  }
  return undefined;
}

// "said Louisa Ermelino, the reviews director at Publishers Weekly": the appositive after the
// name, when it has a title word in it.
function roleAfter(text: string, a: Analysis, end: number, last: number): string | undefined {
  let k = 0;
  while (k <= last && (a.ends[k] as number) < end) k++;
  if (a.values[k + 1] !== ",") return undefined;
  let to = k + 2;
  while (to <= last && !/^[,;:.!?"”]$/u.test(a.values[to] as string)) to++;
  return rolePhrase(text, a, k + 2, to - 1);
}

/**
 * The role an appositive (tokens from..to) gives: with a title word in it ("a former party
 * chairman"), or short after an article ("the harbour engineer"); not a clause or a quotation.
 */
function rolePhrase(text: string, a: Analysis, from: number, to: number): string | undefined {
  const article = from <= to && /^(?:the|a|an)$/u.test(lower(a, from));
  const start = article ? from + 1 : from;
  let titled = false;
  for (let i = start; i <= to; i++) {
    if (/^["“”]$/u.test(a.values[i] as string)) return undefined;
    if (isTitle(a, i)) titled = true;
  }
  if (to < start || to - start >= 12 || (!titled && !(article && to - start < 6))) return undefined;
  return slice(text, a, start, to);
}

// Verbs whose source may follow them ("…, said Smith"); after "told", "asked" or "warned" comes
// the listener ("told ABC News that …").
const INVERTING_LEMMAS = new Set(
  (
    "say add write note explain continue argue insist recall concede admit reply respond " +
    "declare state claim quip joke observe remark comment predict acknowledge tweet report " +
    "counter retort complain conclude estimate confirm announce"
  ).split(" "),
);

// "…, said Smith", "“…” said Smith": the verb follows the content, after a comma or a quote.
function invertsAfter(a: Analysis, verb: number, first: number): boolean {
  const lemma = a.lemmas[verb] as string;
  if (!INVERTING_LEMMAS.has(lemma) && !SPEECH_FORMS.has(lower(a, verb))) return false;
  if (/^(?:tells|told|asks|asked|warns|warned)$/u.test(lower(a, verb))) return false;
  const k = skipBackOverAuxiliaries(a, verb - 1, first);
  return k >= first && /^[,”"’'—–:]$|^''$/u.test(a.values[k] as string);
}

// Labels that open a line with a colon but name no speaker.
const NOT_LABELS = new Set(
  "update note correction watch video photos photo breaking exclusive related read more live q a".split(
    " ",
  ),
);

/**
 * "JOEL BENENSON: This is a man who …", "Mark Cuban: A businessman can run this country": a
 * transcript's or a headline's speaker label, a full name (or a capitalised surname) then a colon.
 */
function speakerLabel(
  text: string,
  a: Analysis,
  first: number,
  last: number,
): SpeechCue | undefined {
  let colon = first;
  while (colon <= last && colon - first < 6 && a.values[colon] !== ":") colon++;
  if (a.values[colon] !== ":" || colon === first || last - colon < 4) return undefined;
  const shouted = /^\p{Lu}[\p{Lu}'’.-]+$/u;
  let allCaps = true;
  for (let i = first; i < colon; i++) {
    const v = a.values[i] as string;
    if (!shouted.test(v) && v !== ".") allCaps = false;
    if (!/^\p{Lu}/u.test(v) && v !== "." && v !== "-") return undefined;
    if (NOT_LABELS.has(v.toLowerCase())) return undefined;
  }
  // Capitals only in a label are a transcript's ("BOULDUAN:"); otherwise a full name.
  const source = allCaps
    ? { speaker: slice(text, a, first, colon - 1) }
    : readSource(text, a, first, colon - 1, first - 1);
  if (!source.speaker || (!allCaps && !/\s/u.test(source.speaker))) return undefined;
  if (allCaps && source.speaker.replace(/\W/gu, "").length < 3) return undefined;
  return {
    ...source,
    start: a.starts[first] as number,
    end: a.ends[colon] as number,
    strong: true,
    label: true,
  };
}

// A colon that opens a quotation ("…: “…”", "…: ''…''"), or text after a speech verb ("Jo Fox
// posted: the vote was rigged").
function colonQuotes(a: Analysis, colon: number, last: number): boolean {
  const next = a.values[colon + 1] as string;
  if (/^["“„«]$/u.test(next)) return true;
  if (next === "'" && a.values[colon + 2] === "'") return true;
  return colon > 0 && last - colon > 3 && isSpeechVerb(a, colon - 1);
}

// Is the phrase starting at offset `start` the listener or the medium of a speech verb before it
// ("told Fox News: “…”", "wrote on Facebook: “…”") rather than the one who speaks?
function isListener(a: Analysis, start: number, first: number): boolean {
  let k = first;
  while (k < a.values.length && (a.starts[k] as number) < start) k++;
  let before = k - 1;
  if (before >= first && /^(?:the|a|an|his|her|their|its)$/u.test(lower(a, before))) before--;
  if (before < first) return false;
  return a.pos[before] === "ADP" || isSpeechVerb(a, before);
}

/** The attribution cues of the sentence of tokens first..last, in order. */
export function findSpeechCues(
  text: string,
  a: Analysis,
  first: number,
  last: number,
): SpeechCue[] {
  const out: SpeechCue[] = [];
  const label = speakerLabel(text, a, first, last);
  if (label) out.push(label);
  for (let i = first; i <= last; i++) {
    const w = lower(a, i);
    if (w === "according" && i < last && lower(a, i + 1) === "to") {
      const source = sourceAfter(text, a, i + 2, last, first);
      if (source && (source.speaker || source.pronoun)) {
        out.push({ ...source, start: a.starts[i] as number, end: source.end, strong: true });
      }
      continue;
    }
    if (a.values[i] === ":" && i < last && colonQuotes(a, i, last)) {
      // "Cruz continued: “…”", "The timing does not surprise pollster Daron Shaw: “…”"
      const named = sourceBefore(text, a, i, first);
      // "said Trump was a candidate in the spirit of Silicon Valley: “…”" quotes the one who
      // said, not the subject of the last clause; "to which O'Malley interjected: “…”" quotes
      // the one who interjected.
      let verb = i - 1;
      while (verb > first && /^(?:ADV|ADP|PART)$/u.test(a.pos[verb] as string)) verb--;
      const chained = out.length > 0 && a.pos[verb] !== "VERB";
      const subject =
        named?.speaker && !isListener(a, named.start, first)
          ? named
          : chained
            ? undefined
            : clauseSubject(text, a, first, i - 1);
      if (subject && (subject.speaker || subject.pronoun)) {
        const { speaker, speakerRole, pronoun } = subject;
        out.push({
          ...(speaker ? { speaker } : {}),
          ...(speakerRole ? { speakerRole } : {}),
          ...(pronoun ? { pronoun } : {}),
          start: a.starts[i] as number,
          end: a.ends[i] as number,
        });
      }
      continue;
    }
    if (!isSpeechVerb(a, i)) continue;
    if (lower(a, i).endsWith("ing") && a.pos[i - 1] !== "AUX") {
      // "Trump defended his record, saying …": the subject of the sentence speaks.
      // "…, saying", "… — saying", "issued a statement saying".
      const after = a.values[i - 1] === "," || isDash(a, i - 1) ? i - 2 : -1;
      const statement = i > first && DOCUMENT_NOUNS.has(lower(a, i - 1)) ? i - 1 : -1;
      if (i > first && (after >= first || statement >= first)) {
        const end = Math.max(after, statement);
        // "…, Manafort said, adding …" chains on the speaker just named; otherwise the sentence's
        // subject speaks ("Cruz rejected the notion that Democrats could …, arguing …").
        let verb = end;
        while (verb > first && a.pos[verb] !== "VERB" && a.pos[verb] !== "AUX") verb--;
        const subject = isSpeechVerb(a, verb)
          ? clauseSubject(text, a, first, end)
          : (sentenceSubject(text, a, first, end) ?? clauseSubject(text, a, first, end));
        if (subject)
          out.push({ ...subject, start: a.starts[i] as number, end: a.ends[i] as number });
      }
      continue;
    }
    let before = sourceBefore(text, a, i, first);
    const weak = WEAK_LEMMAS.has(a.lemmas[i] as string);
    const and = skipBackOverAuxiliaries(a, i - 1, first);
    if (!before?.speaker && and > first && /^(?:and|but)$/u.test(lower(a, and))) {
      // "Gary Lund became a delegate and said …": the subject of the first verb speaks; failing
      // that, the subject the sentence opens with ("Sanders opened the debate saying …, but
      // said …").
      const subject =
        sentenceSubject(text, a, first, and - 1) ?? clauseSubject(text, a, first, and - 1);
      if (subject?.speaker || subject?.pronoun)
        before = { ...subject, start: a.starts[and] as number };
    }
    if (before && (before.speaker || before.pronoun)) {
      const { start, ...source } = before;
      const cue: SpeechCue = { ...source, start, end: a.ends[i] as number };
      if (STRONG_LEMMAS.has(a.lemmas[i] as string)) cue.strong = true;
      out.push(cue);
      continue;
    }
    if (weak || before || !invertsAfter(a, i, first)) continue;
    // "…, said Smith", "…,” said the former minister, Jane Doe."
    const after = sourceAfter(text, a, i + 1, last, first);
    if (after && (after.speaker || after.pronoun)) {
      const { end, ...source } = after;
      if (source.speaker && !source.speakerRole) {
        const role = roleAfter(text, a, end, last);
        if (role) source.speakerRole = role;
      }
      const cue: SpeechCue = { ...source, start: a.starts[i] as number, end };
      if (STRONG_LEMMAS.has(a.lemmas[i] as string)) cue.strong = true;
      out.push(cue);
    }
  }
  return out;
}

/**
 * Names seen so far in an article, so that a later "Ms Rowe" or "Rowe" is the "Alison Rowe" named
 * before, and the last person who spoke, for "she said". A surname shared by two people seen is
 * left as written.
 */
export class SpeakerBook {
  private bySurname = new Map<string, string | null>();
  private roles = new Map<string, string>();
  private lastPerson?: { name: string; sentence: number };
  sentence = 0;

  /** The full form of `name` if a longer name with the same last word was seen. */
  resolve(name: string): string {
    if (/\s/u.test(name)) {
      this.remember(name);
      return name;
    }
    return this.bySurname.get(name.toLowerCase()) ?? name;
  }

  private remember(name: string): void {
    const words = name.split(" ");
    if (words.length < 2 || words.length > 4) return;
    // Bodies are not shortened to their last word ("the Department" is not "State Department").
    if (BODY_WORDS.test(words[words.length - 1] as string)) return;
    const surname = (words[words.length - 1] as string).toLowerCase();
    const known = this.bySurname.get(surname);
    if (known === undefined) this.bySurname.set(surname, name);
    else if (known !== null && known !== name && !known.endsWith(` ${name}`)) {
      this.bySurname.set(surname, null);
    }
  }

  /** The role last given to `name` in the article ("Ms Rowe" keeps "Shadow health secretary"). */
  role(name: string, given: string | undefined): string | undefined {
    if (given) {
      this.roles.set(name, given);
      return given;
    }
    return this.roles.get(name);
  }

  /** Note who spoke in the current sentence: a person when the name has a space or a role. */
  spoke(name: string, person: boolean): void {
    if (person) this.lastPerson = { name, sentence: this.sentence };
  }

  /** The person "he" or "she" most likely refers to: one who spoke within the last 3 sentences. */
  pronoun(): string | undefined {
    if (!this.lastPerson || this.sentence - this.lastPerson.sentence > 3) return undefined;
    return this.lastPerson.name;
  }
}
