import { readCues } from "./cues";
import { findDayDate, hasDayCue, parseCoarseDate, parsePublishedOn } from "./dates";
import type { DateValues, ExtractedClaim, ExtractOptions, KindAndValues } from "./kinds";
import { SELECTOR_CONTEXT } from "./kinds";
import { readLegal } from "./legal";
import { type Analysis, analyse, type Span, tagsOf } from "./nlp";
import { findQuantity } from "./quantity";
import { type Attribution, findQuotations, readAttribution } from "./quotes";
import { CHECKWORTHY_THRESHOLD, scoreSentence } from "./score";
import { findParagraphs, type TextRange } from "./segment";

interface Context {
  text: string;
  published?: Date;
  approximateDate: boolean;
  /** The last named speaker, for "he said". */
  lastSpeaker?: string;
  claims: ExtractedClaim[];
}

// A statement needs some substance; "First, a short recap." is a transition, not an assertion.
const MIN_STATEMENT_WORDS = 6;

/**
 * The check-worthy claims of an article, in text order, one per sentence at most.
 *
 * Pipeline: prose paragraphs (page furniture dropped) → one wink pass per paragraph (sentences,
 * tokens, entities, legal and attribution patterns) → quotations and their speakers → per
 * sentence, the first kind that applies in the order of `CLAIM_KINDS` (legal, quantity, date,
 * quote, comparison, event, statement) with its values → check-worthiness score. Questions,
 * first-person opinion, predictions and normative sentences without a checkable fact are skipped;
 * a plain statement must reach `CHECKWORTHY_THRESHOLD`.
 */
export function extractClaims(text: string, options: ExtractOptions = {}): ExtractedClaim[] {
  const context: Context = {
    text,
    published: parsePublishedOn(options.publishedOn),
    approximateDate: options.approximateDate === true,
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
  const attributions = readAttributions(context, body, analysis);
  const quoteSpeakers = assignQuotations(body, sentences, analysis, attributions);
  const entityCursor = { at: 0 };
  const customCursor = { at: 0 };
  for (let s = 0; s < sentences.length; s++) {
    const [first, last] = sentences[s] as [number, number];
    const entities = takeSpans(analysis.entities, entityCursor, first, last);
    const custom = takeSpans(analysis.custom, customCursor, first, last);
    const start = analysis.starts[first] as number;
    const end = analysis.ends[last] as number;
    const speaker = quoteSpeakers[s] ?? speakerIn(attributions, start, end);
    const found = classifySentence(context, body, analysis, first, last, entities, custom, speaker);
    if (!found) continue;
    const absoluteStart = paragraph.start + start;
    const absoluteEnd = paragraph.start + end;
    const claim = {
      text: context.text.slice(absoluteStart, absoluteEnd),
      start: absoluteStart,
      end: absoluteEnd,
      prefix: context.text.slice(Math.max(0, absoluteStart - SELECTOR_CONTEXT), absoluteStart),
      suffix: context.text.slice(absoluteEnd, absoluteEnd + SELECTOR_CONTEXT),
      score: found.score,
      ...found.kindAndValues,
    } as ExtractedClaim;
    if (speaker) claim.speaker = speaker;
    context.claims.push(claim);
  }
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
  return out;
}

function readAttributions(context: Context, body: string, analysis: Analysis): Attribution[] {
  const out: Attribution[] = [];
  for (const span of analysis.custom) {
    if (span.type !== "attribution") continue;
    const attribution = readAttribution(body, analysis, span);
    if (attribution.speaker) context.lastSpeaker = attribution.speaker;
    else if (attribution.pronoun && context.lastSpeaker) attribution.speaker = context.lastSpeaker;
    out.push(attribution);
  }
  return out;
}

function speakerIn(attributions: Attribution[], start: number, end: number): string | undefined {
  for (const a of attributions) if (a.start >= start && a.end <= end && a.speaker) return a.speaker;
  return undefined;
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
 * quotation covers gets the speaker.
 */
function assignQuotations(
  body: string,
  sentences: Array<[number, number]>,
  analysis: Analysis,
  attributions: Attribution[],
): Array<string | undefined> {
  const speakers: Array<string | undefined> = new Array(sentences.length);
  if (attributions.length === 0 || sentences.length === 0) return speakers;
  const bounds = sentences.map(
    ([f, l]) => [analysis.starts[f] as number, analysis.ends[l] as number] as [number, number],
  );
  for (const quotation of findQuotations(body)) {
    const opening = sentenceAt(bounds, quotation.open);
    const closing = sentenceAt(bounds, Math.max(quotation.open, quotation.close - 1));
    const openBounds = bounds[opening] as [number, number];
    const closeBounds = bounds[closing] as [number, number];
    const speaker =
      attributions.find((a) => a.speaker && a.end <= quotation.open && a.start >= openBounds[0])
        ?.speaker ??
      attributions.find((a) => a.speaker && a.start >= quotation.close && a.end <= closeBounds[1])
        ?.speaker;
    if (!speaker) continue;
    for (let s = opening; s <= closing; s++) speakers[s] ??= speaker;
  }
  return speakers;
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
  speaker: string | undefined,
): Classified | undefined {
  const words = countWords(analysis, first, last);
  if (words < 3) return undefined;
  const cues = readCues(analysis, first, last);
  if (cues.question) return undefined;
  if (cues.opinion && !speaker) return undefined;
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
  if (
    kindAndValues.kind === "statement" &&
    (score < CHECKWORTHY_THRESHOLD || words < MIN_STATEMENT_WORDS)
  ) {
    return undefined;
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
  speaker: string | undefined,
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
  if (speaker) return { kind: "quote", values: { speaker } };
  // Without a number, a date or a source, a forecast, a call to action or an exclamation has
  // nothing to check.
  if (cues.modal || cues.normative || cues.exclamation) return undefined;
  if (cues.comparison && cues.hasName) return { kind: "comparison", values: {} };
  if (cues.event && cues.hasName) return { kind: "event", values: {} };
  return { kind: "statement", values: {} };
}
