import model from "wink-eng-lite-web-model";
import winkNLP, { type ItsFunction, type PartOfSpeech, type WinkMethods } from "wink-nlp";

// Words that introduce a provision of a legal instrument ("Article 4 of …", "Section 230 of …").
export const PROVISION_WORDS = [
  "article",
  "section",
  "clause",
  "paragraph",
  "chapter",
  "title",
  "rule",
  "amendment",
] as const;

export const SPEECH_VERBS =
  "said|says|say|told|tells|added|adds|stated|claimed|wrote|writes|argued|argues|noted|insisted|insists|warned|warns|explained|explains|declared|declares|announced|announces|maintained|maintains|asserted|asserts|observed|observes|remarked|commented|suggested|suggests|acknowledged|acknowledges|admitted|admits|confirmed|confirms|denied|denies|tweeted|tweets";

function repeat(token: string, min: number, max: number): string[] {
  const out: string[] = [];
  for (let n = min; n <= max; n++) out.push(Array(n).fill(token).join(" "));
  return out;
}

// wink patterns have no repetition operator, so runs of proper nouns are spelled out by length.
function buildPatterns() {
  const provision = `[${PROVISION_WORDS.join("|")}]`;
  const legal: string[] = [];
  for (const name of repeat("[PROPN]", 1, 6)) {
    legal.push(`${provision} [CARDINAL] [of] [|the] ${name} [|NOUN|VERB]`);
    legal.push(`${provision} [CARDINAL] [of] [|the] ${name} [of] [|the] [PROPN] [|PROPN]`);
  }
  legal.push(`${provision} [CARDINAL] [of] [|the] [NOUN]`);
  legal.push(`[ORDINAL] [amendment]`);
  legal.push(`${provision} [CARDINAL]`);

  const attribution: string[] = [];
  const verbs = `[${SPEECH_VERBS}]`;
  for (const name of repeat("[PROPN]", 1, 4)) {
    attribution.push(`[according] [to] [|the] ${name}`);
    attribution.push(`[according] [to] [|the|a|an] [ADJ|NOUN|PROPN] [NOUN] ${name}`);
    attribution.push(`[according] [to] [|the|a|an] [NOUN] ${name}`);
    attribution.push(`${name} ${verbs}`);
    attribution.push(`${name} [has|had|have] ${verbs}`);
    attribution.push(`${verbs} ${name}`);
  }
  for (const pronoun of ["he", "she", "they"]) attribution.push(`[${pronoun}] ${verbs}`);
  attribution.push(`${verbs} [he|she|they]`);

  return [
    { name: "legal", patterns: legal },
    { name: "attribution", patterns: attribution },
  ];
}

let instance: WinkMethods | undefined;

// Loading the model takes tens of milliseconds; do it once per process, on first use. Sentiment
// and negation are not needed, so they are left out of the pipe.
//
// One instance on purpose. Profiling showed the custom-entity pass to be wink's dearest step
// (about 0.4 s per MB), so a second, pattern-free instance for sentences without cues was tried:
// V8 then sees two instances through the same wink functions and both run about twice as slowly,
// and a patterned instance created after another one matches nothing. One instance was faster.
function getNlp(): WinkMethods {
  if (!instance) {
    const nlp = winkNLP(model, ["sbd", "pos", "ner", "cer"]);
    nlp.learnCustomEntities(buildPatterns());
    if (nlp.readDoc("Article 4 of the Treaty.").customEntities().length() === 0) {
      throw new Error(
        "wink custom entities are not matching: was the model loaded elsewhere first?",
      );
    }
    instance = nlp;
  }
  return instance;
}

export interface Span {
  type: string;
  /** First and last token index, inclusive. */
  first: number;
  last: number;
}

/** The result of reading one chunk of text, with token offsets into that chunk. */
export interface Analysis {
  values: string[];
  pos: PartOfSpeech[];
  lemmas: string[];
  starts: number[];
  ends: number[];
  /** Sentences as [first, last] token indices, inclusive. */
  sentences: Array<[number, number]>;
  entities: Span[];
  custom: Span[];
}

function toSpans(spans: Array<[number, number]>, types: string[]): Span[] {
  return spans.map(([first, last], i) => ({ type: types[i] as string, first, last }));
}

function readOffsets(text: string, values: string[]): { starts: number[]; ends: number[] } {
  const starts = new Array<number>(values.length);
  const ends = new Array<number>(values.length);
  // Token values are exact substrings in order, but wink drops some characters between tokens
  // (a BOM, for one), so offsets are found by searching forward rather than by adding up lengths.
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    let at = text.indexOf(value, cursor);
    if (at < 0) at = cursor;
    starts[i] = at;
    ends[i] = Math.min(text.length, at + value.length);
    cursor = ends[i] as number;
  }
  return { starts, ends };
}

/**
 * Tokenise, tag, find entities and custom patterns (legal references, attributions) and segment
 * `text` into sentences in one wink pass, with each token's UTF-16 offsets.
 */
export function analyse(text: string): Analysis {
  const nlp = getNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as PartOfSpeech[];
  // The lemma helper's declared type omits the model add-ons argument wink passes at run time.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const { starts, ends } = readOffsets(text, values);
  const sentences: Array<[number, number]> = [];
  for (const span of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    sentences.push([span[0], span[1]]);
  }
  const entities = toSpans(
    doc.entities().out(its.span) as unknown as Array<[number, number]>,
    doc.entities().out(its.type) as string[],
  );
  const custom = toSpans(
    doc.customEntities().out(its.span) as unknown as Array<[number, number]>,
    doc.customEntities().out(its.type) as string[],
  );
  return { values, pos, lemmas, starts, ends, sentences, entities, custom };
}
