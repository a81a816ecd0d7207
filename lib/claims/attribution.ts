// Who each claim of an article quotes or reports: the attribution cues of each sentence
// (lib/claims/speakers.ts) resolved against the names seen so far, the speakers of quotations,
// and the choice, per proposition, of the cue that governs it.

import type { Analysis } from "./nlp";
import { findQuotations, type Quotation } from "./quotes";
import { findSpeechCues, SpeakerBook, type SpeechCue } from "./speakers";

export interface Speaker {
  speaker: string;
  speakerRole?: string;
}

interface Attribution extends Partial<Speaker> {
  start: number;
  end: number;
  strong?: true;
  label?: true;
}

type Bounds = [number, number];

// Words that open a subordinate clause at the start of a sentence: a cue inside it ("While not
// everything Trump says is true, Jamieson said …") does not govern the main clause.
const SUBORDINATORS = new Set(
  (
    "while although though as when whenever if because after before since whereas unless " +
    "unlike despite even once until"
  ).split(" "),
);

function asSpeaker(attribution: Attribution | undefined): Speaker | undefined {
  if (!attribution?.speaker) return undefined;
  const { speaker, speakerRole } = attribution;
  return speakerRole ? { speaker, speakerRole } : { speaker };
}

/** The governing speaker among cues: a plain speech verb first, then any named cue. */
function pick(cues: Attribution[]): Speaker | undefined {
  return asSpeaker(cues.find((a) => a.speaker && a.strong) ?? cues.find((a) => a.speaker));
}

// A person is named with at least two words, or with a role ("Senator Smith").
function looksLikePerson(cue: SpeechCue): boolean {
  return cue.speaker !== undefined && (/\s/u.test(cue.speaker) || cue.speakerRole !== undefined);
}

function sentenceAt(bounds: Bounds[], offset: number): number {
  // Sentences are few per paragraph; a linear scan is cheaper than building an index.
  for (let s = 0; s < bounds.length; s++) {
    const b = bounds[s] as Bounds;
    if (offset < b[1]) return s;
  }
  return bounds.length - 1;
}

// Offset where a sentence's opening subordinate clause ends (its first comma), or -1.
function subordinateEnd(a: Analysis, first: number, last: number): number {
  if (!SUBORDINATORS.has((a.values[first] as string).toLowerCase())) return -1;
  for (let i = first + 1; i < last; i++) if (a.values[i] === ",") return a.starts[i] as number;
  return -1;
}

/** The speakers of one paragraph's sentences and propositions. */
export interface ParagraphSpeakers {
  /** Whether sentence `s` reports speech: it has a cue or a speaker. */
  reported(s: number): boolean;
  /** The speaker of the proposition of sentence `s` between the offsets `start` and `end`. */
  part(s: number, start: number, end: number): Speaker | undefined;
}

/**
 * Article-wide attribution state: the names seen ("Ms Rowe" is the "Alison Rowe" named before),
 * the last person who spoke (for "she said") and a quotation left open at a paragraph's end.
 */
export class AttributionReader {
  private book = new SpeakerBook();
  /** The speaker of a quotation left open at the end of the previous paragraph. */
  private openQuote?: Speaker;

  /** Read one paragraph (its text, its analysis and its sentences as token ranges). */
  paragraph(body: string, a: Analysis, sentences: Bounds[]): ParagraphSpeakers {
    const bounds = sentences.map(
      ([f, l]) => [a.starts[f] as number, a.ends[l] as number] as Bounds,
    );
    const attributions = this.readAttributions(body, a, sentences);
    const bySentence = bounds.map(([start, end]) =>
      attributions.filter((x) => x.start >= start && x.end <= end),
    );
    const quoted = this.assignQuotations(body, bounds, attributions);
    const subordinate = sentences.map(([f, l]) => subordinateEnd(a, f, l));
    // A transcript's "NAME:" label speaks for the rest of its paragraph.
    const labels: Array<Speaker | undefined> = [];
    let label: Speaker | undefined;
    for (const cues of bySentence) {
      const labelled = cues.find((x) => x.label);
      if (labelled) label = asSpeaker(labelled);
      labels.push(cues.length === 0 ? label : undefined);
    }
    const main = (s: number): Speaker | undefined => {
      const cues = bySentence[s] as Attribution[];
      const cut = subordinate[s] as number;
      const outside = cut < 0 ? cues : cues.filter((x) => x.start > cut);
      return pick(outside) ?? pick(cues);
    };
    return {
      reported(s) {
        return (bySentence[s] as Attribution[]).length > 0 || !!(quoted[s] ?? labels[s]);
      },
      part(s, start, end) {
        if (quoted[s]) return quoted[s];
        const cues = (bySentence[s] as Attribution[]).filter(
          (x) => x.start >= start && x.start < end,
        );
        // A proposition with a cue of its own takes that cue's speaker, even none ("…, and
        // officials said …"); one without takes the sentence's.
        const whole = (bounds[s] as Bounds)[0] >= start && (bounds[s] as Bounds)[1] <= end;
        if (!whole && cues.length > 0) return pick(cues);
        return main(s) ?? labels[s];
      },
    };
  }

  private readAttributions(body: string, a: Analysis, sentences: Bounds[]): Attribution[] {
    const out: Attribution[] = [];
    const book = this.book;
    for (const [first, last] of sentences) {
      book.sentence++;
      for (const cue of findSpeechCues(body, a, first, last)) {
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

  /**
   * The speaker of each sentence that lies in an attributed quotation. The attribution is looked
   * for before the opening mark in the sentence where the quotation opens ("According to X, “…"),
   * then after the closing mark in the sentence where it closes ("…,” said X.) or at the start of
   * the next ("…?” X asked."). Every sentence the quotation covers gets the speaker. A quotation
   * of whole sentences with no cue of its own, right after a sentence with a speaker, goes on
   * quoting that speaker. A quotation left open at the end of a paragraph continues in the next
   * paragraph when that one opens with a quotation mark, as news copy does.
   */
  private assignQuotations(
    body: string,
    bounds: Bounds[],
    attributions: Attribution[],
  ): Array<Speaker | undefined> {
    const speakers: Array<Speaker | undefined> = new Array(bounds.length);
    const carried = this.openQuote;
    this.openQuote = undefined;
    if (bounds.length === 0) return speakers;
    const named = attributions.filter((x) => x.speaker);
    const quotations = findQuotations(body);
    for (let q = 0; q < quotations.length; q++) {
      const quotation = quotations[q] as Quotation;
      const opening = sentenceAt(bounds, quotation.open);
      const closing = sentenceAt(bounds, Math.max(quotation.open, quotation.close - 1));
      const [openStart] = bounds[opening] as Bounds;
      const closeEnd = (bounds[closing] as Bounds)[1];
      const next = bounds[closing + 1];
      const before = named.filter((x) => x.end <= quotation.open && x.start >= openStart);
      // The cue right before the opening mark ("… interjected: “…”") is the quotation's own.
      const adjacent = before.find((x) => /^[\s,:]*$/u.test(body.slice(x.end, quotation.open)));
      let speaker =
        asSpeaker(adjacent) ??
        pick(before) ??
        asSpeaker(
          named.find((x) => x.start >= quotation.close && x.end <= closeEnd) ??
            // “…?” Rubio said. — the tagger ends the sentence at the question mark.
            (next && quotation.close + 1 >= closeEnd
              ? named.find((x) => x.start === next[0])
              : undefined),
        );
      if (!speaker && q === 0 && carried && quotation.open === 0) speaker = carried;
      if (!speaker && quotation.open <= openStart && opening > 0) {
        const before = bounds[opening - 1] as Bounds;
        speaker =
          speakers[opening - 1] ??
          pick(attributions.filter((x) => x.start >= before[0] && x.end <= before[1]));
      }
      if (!speaker) continue;
      if (quotation.close === body.length) this.openQuote = speaker;
      for (let s = opening; s <= closing; s++) speakers[s] ??= speaker;
    }
    return speakers;
  }
}
