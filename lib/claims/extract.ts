import { readCues } from "./cues";
import { findDayDate, findYearPeriod, hasDayCue, parseCoarseDate, parsePublishedOn } from "./dates";
import type { DateValues, ExtractedClaim, ExtractOptions, KindAndValues } from "./kinds";
import { SELECTOR_CONTEXT } from "./kinds";
import { readLegal } from "./legal";
import { type Analysis, analyse, type Span, tagsOf } from "./nlp";
import { findQuantity } from "./quantity";
import { findQuotations, type Quotation } from "./quotes";
import { CHECKWORTHY_THRESHOLD, scoreSentence } from "./score";
import { findParagraphs, type TextRange } from "./segment";
import { findSpeechCues, SpeakerBook, type SpeechCue } from "./speakers";
import { joinBrokenSentences, splitPropositions } from "./split";

interface Context {
  text: string;
  published?: Date;
  approximateDate: boolean;
  /** Names seen and the last person who spoke, for "Ms Rowe" and "she said". */
  book: SpeakerBook;
  /** The speaker of a quotation left open at the end of the previous paragraph. */
  openQuote?: Speaker;
  claims: ExtractedClaim[];
}

interface Speaker {
  speaker: string;
  speakerRole?: string;
}

interface Attribution extends Partial<Speaker> {
  start: number;
  end: number;
  strong?: true;
  label?: true;
}

// A statement needs some substance; "First, a short recap." is a transition, not an assertion.
const MIN_STATEMENT_WORDS = 6;

/**
 * The claims of an article, in text order, one per proposition: a sentence that joins independent
 * facts ("…; …", "… and two of her deputies were dismissed …", "… – …") gives one claim per fact.
 *
 * Pipeline: prose paragraphs (page furniture dropped) → one wink pass per paragraph (sentences,
 * tokens, entities, legal patterns) → attribution cues and their speakers (lib/claims/speakers.ts)
 * and quotations → per sentence, its propositions (lib/claims/split.ts) → per proposition, the
 * first kind that applies in the order of `CLAIM_KINDS` with its values → check-worthiness score.
 * Questions, first-person opinion, predictions and calls to action without a checkable fact are
 * skipped. A plain statement is kept when it reaches `CHECKWORTHY_THRESHOLD` or names a person or
 * body doing something; below the threshold it is low priority (`isLowPriority`), not dropped.
 */
export function extractClaims(text: string, options: ExtractOptions = {}): ExtractedClaim[] {
  const context: Context = {
    text,
    published: parsePublishedOn(options.publishedOn),
    approximateDate: options.approximateDate === true,
    book: new SpeakerBook(),
    claims: [],
  };
  for (const paragraph of findParagraphs(text)) extractFromParagraph(context, paragraph);
  return context.claims;
}

function spansWithin(spans: Span[], first: number, last: number, type?: string): Span[] {
  return spans.filter((s) => s.first >= first && s.last <= last && (!type || s.type === type));
}

// Entities come sorted by position; walk them with a cursor so each sentence costs only its own.
function takeSpans(spans: Span[], cursor: { at: number }, first: number, last: number): Span[] {
  while (cursor.at < spans.length && (spans[cursor.at] as Span).last < first) cursor.at++;
  const out: Span[] = [];
  for (let i = cursor.at; i < spans.length; i++) {
    const span = spans[i] as Span;
    if (span.first > last) break;
    if (span.first >= first && span.last <= last) out.push(span);
  }
  return out;
}

function extractFromParagraph(context: Context, paragraph: TextRange): void {
  const body = context.text.slice(paragraph.start, paragraph.end);
  const analysis = analyse(body);
  const sentences = trimSentences(analysis);
  const attributions = readAttributions(context, body, analysis, sentences);
  const quoteSpeakers = assignQuotations(context, body, sentences, analysis, attributions);
  const entityCursor = { at: 0 };
  const customCursor = { at: 0 };
  // A transcript's "NAME:" label speaks for the rest of its paragraph.
  let label: Speaker | undefined;
  for (let s = 0; s < sentences.length; s++) {
    const [first, last] = sentences[s] as [number, number];
    const entities = takeSpans(analysis.entities, entityCursor, first, last);
    const custom = takeSpans(analysis.custom, customCursor, first, last);
    const start = analysis.starts[first] as number;
    const end = analysis.ends[last] as number;
    const attributed = attributions.filter((a) => a.start >= start && a.end <= end);
    const labelled = attributed.find((a) => a.label);
    if (labelled) label = asSpeaker(labelled);
    const speaker =
      quoteSpeakers[s] ??
      asSpeaker(
        attributed.find((a) => a.speaker && a.strong) ?? attributed.find((a) => a.speaker),
      ) ??
      (attributed.length === 0 ? label : undefined);
    const reported = attributed.length > 0 || speaker !== undefined;
    if (isQuestion(analysis, first, last)) continue;
    for (const [from, to] of splitPropositions(body, analysis, first, last)) {
      const found = classifySentence(
        context,
        body,
        analysis,
        from,
        to,
        spansWithin(entities, from, to),
        spansWithin(custom, from, to),
        speaker,
        reported,
      );
      if (!found) continue;
      const absoluteStart = paragraph.start + (analysis.starts[from] as number);
      const absoluteEnd = paragraph.start + (analysis.ends[to] as number);
      const claim = {
        text: context.text.slice(absoluteStart, absoluteEnd),
        start: absoluteStart,
        end: absoluteEnd,
        prefix: context.text.slice(Math.max(0, absoluteStart - SELECTOR_CONTEXT), absoluteStart),
        suffix: context.text.slice(absoluteEnd, absoluteEnd + SELECTOR_CONTEXT),
        score: found.score,
        ...found.kindAndValues,
      } as ExtractedClaim;
      if (speaker?.speaker) {
        claim.speaker = speaker.speaker;
        if (speaker.speakerRole) claim.speakerRole = speaker.speakerRole;
      }
      context.claims.push(claim);
    }
  }
}

function asSpeaker(attribution: Attribution | undefined): Speaker | undefined {
  if (!attribution?.speaker) return undefined;
  const { speaker, speakerRole } = attribution;
  return speakerRole ? { speaker, speakerRole } : { speaker };
}

function isQuestion(analysis: Analysis, first: number, last: number): boolean {
  let end = last;
  while (end > first && /^["'”’»)\]]+$/u.test(analysis.values[end] as string)) end--;
  return analysis.values[end] === "?";
}

// A claim starts on a word, a number, an opening quote or bracket, or a currency sign.
const CLAIM_START = /^(?:[\p{L}\p{N}"“„«'‘([$€£₹₽¥₸]|\p{Sc})/u;
// A claim ends on a word, a number or sentence punctuation.
const CLAIM_END = /(?:[\p{L}\p{N}.!?…"”»'’)\]%]|\p{M})$/u;

// wink counts line breaks as tokens and keeps emoji or bullets at a sentence's edges; a claim
// should start and end on its text.
function trimSentences(analysis: Analysis): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [from, to] of analysis.sentences) {
    let first = from;
    let last = to;
    while (first <= last && !CLAIM_START.test(analysis.values[first] as string)) first++;
    while (last >= first && !CLAIM_END.test(analysis.values[last] as string)) last--;
    if (first <= last) out.push([first, last]);
  }
  return joinBrokenSentences(analysis, out);
}

// A person is named with at least two words, or with a role ("Senator Smith").
function looksLikePerson(cue: SpeechCue): boolean {
  return cue.speaker !== undefined && (/\s/u.test(cue.speaker) || cue.speakerRole !== undefined);
}

function readAttributions(
  context: Context,
  body: string,
  analysis: Analysis,
  sentences: Array<[number, number]>,
): Attribution[] {
  const out: Attribution[] = [];
  const book = context.book;
  for (const [first, last] of sentences) {
    book.sentence++;
    for (const cue of findSpeechCues(body, analysis, first, last)) {
      const attribution: Attribution = { start: cue.start, end: cue.end };
      if (cue.strong) attribution.strong = true;
      if (cue.label) attribution.label = true;
      if (cue.speaker) {
        const person = looksLikePerson(cue);
        attribution.speaker = book.resolve(cue.speaker);
        const role = book.role(attribution.speaker, cue.speakerRole);
        if (role) attribution.speakerRole = role;
        book.spoke(attribution.speaker, person || attribution.speaker !== cue.speaker);
      } else if (cue.pronoun) {
        const person = book.pronoun();
        if (person) {
          attribution.speaker = person;
          const role = book.role(person, undefined);
          if (role) attribution.speakerRole = role;
        }
      }
      out.push(attribution);
    }
  }
  return out;
}

function sentenceAt(bounds: Array<[number, number]>, offset: number): number {
  // Sentences are few per paragraph; a linear scan is cheaper than building an index.
  for (let s = 0; s < bounds.length; s++) {
    const b = bounds[s] as [number, number];
    if (offset < b[1]) return s;
  }
  return bounds.length - 1;
}

/**
 * The speaker of each sentence that lies in an attributed quotation. The attribution is looked
 * for before the opening mark in the sentence where the quotation opens ("According to X, “…"),
 * then after the closing mark in the sentence where it closes ("…,” said X.). Every sentence the
 * quotation covers gets the speaker. A quotation left open at the end of a paragraph continues in
 * the next paragraph when that one opens with a quotation mark, as news copy does.
 */
function assignQuotations(
  context: Context,
  body: string,
  sentences: Array<[number, number]>,
  analysis: Analysis,
  attributions: Attribution[],
): Array<Speaker | undefined> {
  const speakers: Array<Speaker | undefined> = new Array(sentences.length);
  const carried = context.openQuote;
  context.openQuote = undefined;
  if (sentences.length === 0) return speakers;
  const bounds = sentences.map(
    ([f, l]) => [analysis.starts[f] as number, analysis.ends[l] as number] as [number, number],
  );
  const quotations = findQuotations(body);
  for (let q = 0; q < quotations.length; q++) {
    const quotation = quotations[q] as Quotation;
    const opening = sentenceAt(bounds, quotation.open);
    const closing = sentenceAt(bounds, Math.max(quotation.open, quotation.close - 1));
    const openBounds = bounds[opening] as [number, number];
    const closeBounds = bounds[closing] as [number, number];
    const nextBounds = bounds[closing + 1];
    let speaker = asSpeaker(
      attributions.find((a) => a.speaker && a.end <= quotation.open && a.start >= openBounds[0]) ??
        attributions.find(
          (a) => a.speaker && a.start >= quotation.close && a.end <= closeBounds[1],
        ) ??
        // “…?” Rubio said. — the tagger ends the sentence at the question mark.
        (nextBounds && quotation.close + 1 >= closeBounds[1]
          ? attributions.find((a) => a.speaker && a.start === nextBounds[0])
          : undefined),
    );
    if (!speaker && q === 0 && carried && quotation.open === 0) speaker = carried;
    if (!speaker && quotation.open <= openBounds[0]) {
      // A quotation of whole sentences with no cue of its own, right after a sentence with a
      // speaker, goes on quoting that speaker ("…,” said Hale. “We had no choice.”).
      speaker =
        opening > 0
          ? (speakers[opening - 1] ?? sentenceSpeaker(attributions, bounds[opening - 1]))
          : undefined;
    }
    if (!speaker) continue;
    if (quotation.close === body.length) context.openQuote = speaker;
    for (let s = opening; s <= closing; s++) speakers[s] ??= speaker;
  }
  return speakers;
}

function sentenceSpeaker(
  attributions: Attribution[],
  [start, end]: [number, number] = [0, 0],
): Speaker | undefined {
  const inside = attributions.filter((a) => a.speaker && a.start >= start && a.end <= end);
  return asSpeaker(inside.find((a) => a.strong) ?? inside[0]);
}

interface Classified {
  kindAndValues: KindAndValues;
  score: number;
}

const NOT_WORDS = new Set(["PUNCT", "SYM", "SPACE", "X"]);

function countWords(analysis: Analysis, first: number, last: number): number {
  let n = 0;
  for (let i = first; i <= last; i++) if (!NOT_WORDS.has(analysis.pos[i] as string)) n++;
  return n;
}

function findDate(
  context: Context,
  body: string,
  analysis: Analysis,
  sentence: string,
  entities: Span[],
): DateValues | undefined {
  let values: DateValues | undefined;
  if (hasDayCue(sentence)) values = findDayDate(sentence, context.published);
  values ??= findYearPeriod(sentence);
  if (!values) {
    for (const entity of entities) {
      if (entity.type !== "DATE") continue;
      values = parseCoarseDate(
        body.slice(analysis.starts[entity.first], analysis.ends[entity.last]),
      );
      if (values) break;
    }
  }
  if (values?.yearInferred && context.approximateDate) values.approximateReference = true;
  return values;
}

function classifySentence(
  context: Context,
  body: string,
  analysis: Analysis,
  first: number,
  last: number,
  entities: Span[],
  custom: Span[],
  speaker: Speaker | undefined,
  reported: boolean,
): Classified | undefined {
  const words = countWords(analysis, first, last);
  if (words < 3) return undefined;
  const cues = readCues(analysis, first, last);
  if (cues.question) return undefined;
  if (cues.opinion && !reported) return undefined;
  const sentence = body.slice(analysis.starts[first], analysis.ends[last]);
  const kindAndValues = pickKind(
    context,
    body,
    analysis,
    sentence,
    first,
    last,
    entities,
    custom,
    speaker,
    cues,
  );
  if (!kindAndValues) return undefined;
  const score = scoreSentence(sentence, tagsOf(analysis, first, last, entities));
  if (kindAndValues.kind === "statement") {
    if (words < MIN_STATEMENT_WORDS) return undefined;
    // Reported speech and a named person or body doing something are checkable whatever the
    // score; the score then only ranks them.
    if (score < CHECKWORTHY_THRESHOLD && !reported && !(cues.hasName && cues.hasVerb)) {
      return undefined;
    }
  }
  return { kindAndValues, score };
}

function pickKind(
  context: Context,
  body: string,
  analysis: Analysis,
  sentence: string,
  first: number,
  last: number,
  entities: Span[],
  custom: Span[],
  speaker: Speaker | undefined,
  cues: ReturnType<typeof readCues>,
): KindAndValues | undefined {
  const legalSpans = spansWithin(custom, first, last, "legal");
  for (const span of legalSpans) {
    const values = readLegal(body, analysis, span);
    if (values) return { kind: "legal", values };
  }
  const quantity = findQuantity(body, analysis, entities, first, last, legalSpans);
  if (quantity) return { kind: "quantity", values: quantity };
  const date = findDate(context, body, analysis, sentence, entities);
  if (date) return { kind: "date", values: date };
  if (speaker) return { kind: "quote", values: { ...speaker } };
  // Without a number, a date or a source, a forecast, a call to action or an exclamation has
  // nothing to check, unless beside the modal a named actor did something ("the era may be
  // over as statues of Nazarbayev were felled").
  const factual = cues.hasName && cues.unmodalVerb;
  if ((cues.modal && !factual) || cues.normative || cues.exclamation) return undefined;
  if (cues.comparison && cues.hasName) return { kind: "comparison", values: {} };
  if (cues.event && cues.hasName) return { kind: "event", values: {} };
  return { kind: "statement", values: {} };
}
