// wink-nlp ships no types for its internal state-machine module; lib/claims/nlp.ts uses it only to
// widen V8's shared inline caches (see primeAutomatonFeedback there).
declare module "wink-nlp/src/automaton.js" {
  interface SimpleFsm {
    importJSON(json: string): void;
    recognize(tokens: string[]): unknown[];
  }
  export default function simpleFSM(): SimpleFsm;
}
