/*
 * Bidirectional-text controls: the embeddings and overrides U+202A–U+202E (LRE RLE PDF LRO RLO) and
 * the isolates U+2066–U+2069 (LRI RLI FSI PDI). An unterminated RIGHT-TO-LEFT OVERRIDE in a title,
 * a name, a source or a comment reverses whatever the page prints after it on the same line
 * ("approved by Eve\u202E on 2026-01-03" reads as a different date), and in a file it can make a
 * name or a URL read as another.
 *
 * The policy, one for the whole app:
 * - Pages and the HTML report isolate user text: it sits in an element with
 *   `unicode-bidi: isolate` (app/globals.css gives every inline element that; bare text beside
 *   interface words goes in a <bdi>; the HTML report wraps each user value in <bdi>). The text is
 *   shown as typed (right-to-left names stay right), but nothing in it reaches the words around it.
 * - Plain-text exports (Markdown, CSV, PDF, JSON, ClaimReview) have no isolation to offer, so these
 *   controls are stripped from every string of the report (`withoutBidiControls`), the article
 *   text too, with the claims' offsets moved to match. Marks that carry no override (LRM, RLM,
 *   ALM) are kept: they cannot spoof what follows.
 * - The stored data is left as it was entered; the policy applies where text is shown.
 */

export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export function hasBidiControls(value: string): boolean {
  return HAS_BIDI_CONTROL.test(value);
}

export function stripBidiControls(value: string): string {
  return HAS_BIDI_CONTROL.test(value) ? value.replace(BIDI_CONTROLS, "") : value;
}

/** Every string in a JSON-like value stripped; other values as they are. */
export function stripBidiDeep<T>(value: T): T {
  if (typeof value === "string") return stripBidiControls(value) as T;
  if (Array.isArray(value)) return value.map(stripBidiDeep) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [stripBidiControls(k), stripBidiDeep(v)]),
    ) as T;
  }
  return value;
}

/**
 * Where offset `i` of `text` lands once the controls are stripped: an array of length
 * text.length + 1, so a span [start, end) maps to [at[start], at[end]).
 */
export function strippedOffsets(text: string): number[] {
  const at = new Array<number>(text.length + 1);
  let removed = 0;
  for (let i = 0; i < text.length; i++) {
    at[i] = i - removed;
    if (HAS_BIDI_CONTROL.test(text[i] as string)) removed++;
  }
  at[text.length] = text.length - removed;
  return at;
}
