import { AttributionReader, type Speaker } from "./attribution";
import { readCues } from "./cues";
import { findDayDate, findYearPeriod, hasDayCue, parseCoarseDate, parsePublishedOn } from "./dates";
import type { DateValues, ExtractedClaim, ExtractOptions, KindAndValues } from "./kinds";
import { SELECTOR_CONTEXT } from "./kinds";
import { readLegal } from "./legal";
import { type Analysis, analyse, type Span, tagsOf } from "./nlp";
import { findQuantity } from "./quantity";
import { proposeRecheck } from "./recheck";
import { CHECKWORTHY_THRESHOLD, scoreSentence } from "./score";
import { findParagraphs, type TextRange } from "./segment";
import { joinBrokenSentences, splitPropositions } from "./split";

interface Context {
  text: string;
  published?: Date;
  approximateDate: boolean;
  /** The day re-check dates count from: published, else imported (midnight UTC). */
  recheckFrom?: Date;
  /** Names seen, the last person who spoke and a quotation left open, across paragraphs. */
  attribution: AttributionReader;
  claims: ExtractedClaim[];
}

// A statement needs some substance; "First, a short recap." is a transition, not an assertion.
const MIN_STATEMENT_WORDS = 6;

/**
 * The claims of an article, in text order, one per proposition: a sentence that joins independent
 * facts ("…; …", "… and two of her deputies were dismissed …", "… – …") gives one claim per fact.
 *
 * Pipeline: prose paragraphs (page furniture dropped) → one wink pass per paragraph (sentences,
 * tokens, entities, legal patterns) → attribution cues and their speakers (lib/claims/attribution.ts)
 * and quotations → per sentence, its propositions (lib/claims/split.ts) → per proposition, the
 * first kind that applies in the order of `CLAIM_KINDS` with its values → check-worthiness score.
 * Questions, first-person opinion, predictions and calls to action without a checkable fact are
 * skipped. A plain statement is kept when it reaches `CHECKWORTHY_THRESHOLD` or names a person or
 * body doing something; below the threshold it is low priority (`isLowPriority`), not dropped.
 */
export function extractClaims(text: string, options: ExtractOptions = {}): ExtractedClaim[] {
  const published = parsePublishedOn(options.publishedOn);
  const reference = published ?? parsePublishedOn(options.importedOn, "importedOn");
  const context: Context = {
    text,
    published,
    recheckFrom:
      reference &&
      new Date(
        Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate()),
      ),
    approximateDate: options.approximateDate === true,
    attribution: new AttributionReader(),
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
  const speakers = context.attribution.paragraph(body, analysis, sentences);
  const entityCursor = { at: 0 };
  const customCursor = { at: 0 };
  for (let s = 0; s < sentences.length; s++) {
    const [first, last] = sentences[s] as [number, number];
    const entities = takeSpans(analysis.entities, entityCursor, first, last);
    const custom = takeSpans(analysis.custom, customCursor, first, last);
    const reported = speakers.reported(s);
    if (isQuestion(analysis, first, last)) continue;
    for (const [from, to] of splitPropositions(body, analysis, first, last)) {
      const speaker = speakers.part(
        s,
        analysis.starts[from] as number,
        analysis.ends[to] as number,
      );
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
      const recheck = proposeRecheck(claim, context.recheckFrom);
      if (recheck) {
        claim.recheckOn = recheck.recheckOn;
        claim.recheckReason = recheck.recheckReason;
      }
      context.claims.push(claim);
    }
  }
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
