import model from "wink-eng-lite-web-model";
import winkNLP, { type ItsFunction, type PartOfSpeech, type WinkMethods } from "wink-nlp";
import simpleFSM from "wink-nlp/src/automaton.js";

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
  "resolution",
] as const;

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

  return [{ name: "legal", patterns: legal }];
}

// The instance lives on globalThis, not in this module: the production server loads this file
// twice (once for the demo seed run by lib/server/start.ts, once inside the Next.js bundle), both
// copies share the one wink-nlp package, and a second patterned instance would match nothing.
const INSTANCE_KEY = Symbol.for("claimtrack.wink");
type GlobalWithNlp = typeof globalThis & { [INSTANCE_KEY]?: WinkMethods };

// Loading the model takes tens of milliseconds; do it once per process, on first use. Sentiment
// and negation are not needed, so they are left out of the pipe.
//
// One instance on purpose. Profiling showed the custom-entity pass to be wink's dearest step
// (about 0.4 s per MB), so a second, pattern-free instance for sentences without cues was tried:
// V8 then sees two instances through the same wink functions and both run about twice as slowly,
// and a patterned instance created after another one matches nothing. One instance was faster.
function getNlp(): WinkMethods {
  const store = globalThis as GlobalWithNlp;
  let instance = store[INSTANCE_KEY];
  if (!instance) {
    const nlp = winkNLP(model, ["sbd", "pos", "ner", "cer"]);
    nlp.learnCustomEntities(buildPatterns());
    primeAutomatonFeedback();
    if (nlp.readDoc("Article 4 of the Treaty.").customEntities().length() === 0) {
      throw new Error(
        "wink custom entities are not matching: was the model loaded elsewhere first?",
      );
    }
    instance = nlp;
    store[INSTANCE_KEY] = instance;
  }
  return instance;
}

/**
 * Work around a V8 deoptimisation loop in wink's state machines (Node.js 20).
 *
 * All of wink's automata (sentence, part-of-speech, entity and custom-entity machines) are
 * closures of one function, so V8 gives their pattern-matching code one shared set of inline
 * caches. On every match that code reads `customPropertyAtStates[state]`, a table that is empty,
 * so the read is out of bounds: a plain `{}` for the model's machines, an `Object.create(null)`
 * for the custom-entity machine that `learnCustomEntities` builds. Once the cache has seen both
 * kinds of object, optimised code cannot return `undefined` for an out-of-bounds read on the
 * null-prototype one and deoptimises; the cache does not change, so V8 recompiles the same code
 * and deoptimises again, hundreds of times (`node --trace-deopt` shows "out of bounds" at
 * automaton.js:262). Depending on which document is read first, wink then ran about three times
 * slower: 0.75 s instead of 0.25 s per MB, most of it spent recompiling.
 *
 * Running a few throw-away machines whose tables have different shapes before the first document
 * makes those caches megamorphic; optimised code then does a generic lookup and never
 * deoptimises there. It costs about 2 ms, once per process, and changes no result.
 */
function primeAutomatonFeedback(): void {
  for (let k = 0; k < 8; k++) {
    const machine = simpleFSM();
    // Each table has its own property name, hence its own hidden class.
    const table = JSON.stringify({ [`shape${k}`]: 0 });
    machine.importJSON(`[100, 1, {"0": {"a": 1}}, {"1": "prime"}, ${table}, ${table}]`);
    machine.recognize(["a"]);
  }
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
 * Tokenise, tag, find entities and custom patterns (legal references) and segment
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

/**
 * What the check-worthiness scorer reads from wink for one sentence (lib/claims/score/, models
 * with `config.tags`): the part of speech of each token and the type of each named entity.
 */
export interface SentenceTags {
  pos: readonly string[];
  entities: readonly string[];
}

/** The tags of tokens first..last of an analysis and of the entities within them. */
export function tagsOf(analysis: Analysis, first: number, last: number, entities: Span[]) {
  return {
    pos: analysis.pos.slice(first, last + 1),
    entities: entities.map((e) => e.type),
  } satisfies SentenceTags;
}

/** The tags of a piece of text read on its own (training, claims:eval). */
export function readTags(text: string): SentenceTags {
  const analysis = analyse(text);
  return tagsOf(analysis, 0, analysis.values.length - 1, analysis.entities);
}
