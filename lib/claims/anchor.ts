// Finding a claim again after its article's text has changed (W3C TextQuoteSelector semantics).

export interface ClaimSelector {
  /** The claim's text as it was. */
  exact: string;
  /** Up to 32 characters before it, as it was. */
  prefix: string;
  /** Up to 32 characters after it, as it was. */
  suffix: string;
  /** Where it started, as it was. */
  start: number;
}

export interface Anchor {
  start: number;
  end: number;
  /**
   * "exact" when `newText.slice(start, end) === exact`; "fuzzy" when the claim's text was edited
   * and the span is where its context says it now is, so the caller can flag it for review.
   */
  match: "exact" | "fuzzy";
}

// Enough to rank every occurrence of a short claim in a long article without going quadratic.
const MAX_OCCURRENCES = 10_000;
// A fuzzy span may differ from the old text by at most this share of its length.
const MAX_EDIT_SHARE = 0.3;
// Context shorter than this is too common to locate anything by.
const MIN_CONTEXT = 8;

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`.
 * Only a band of width 2·limit+1 around the diagonal is filled, so the cost is O(n·limit).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  const big = limit + 1;
  let previous = new Array<number>(n + 1);
  let current = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j <= limit ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(n, i + limit);
    current.fill(big);
    current[0] = i <= limit ? i : big;
    let rowMin = current[0] as number;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j - 1] as number) + cost,
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
      );
      current[j] = Math.min(value, big);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return big;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[n] as number, big);
}

function findExact(text: string, selector: ClaimSelector): Anchor | null {
  const { exact, prefix, suffix, start } = selector;
  let best = -1;
  let bestContext = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  let count = 0;
  for (
    let at = text.indexOf(exact);
    at >= 0 && count < MAX_OCCURRENCES;
    at = text.indexOf(exact, at + 1)
  ) {
    count++;
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + exact.length, at + exact.length + suffix.length);
    const context = commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix);
    const distance = Math.abs(at - start);
    if (context > bestContext || (context === bestContext && distance < bestDistance)) {
      best = at;
      bestContext = context;
      bestDistance = distance;
    }
  }
  return best < 0 ? null : { start: best, end: best + exact.length, match: "exact" };
}

// All places where `needle` occurs, nearest to `near` first.
function occurrencesByDistance(text: string, needle: string, near: number): number[] {
  const found: number[] = [];
  for (
    let at = text.indexOf(needle);
    at >= 0 && found.length < MAX_OCCURRENCES;
    at = text.indexOf(needle, at + 1)
  ) {
    found.push(at);
  }
  return found.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
}

function isCloseEnough(candidate: string, exact: string): boolean {
  const limit = Math.floor(Math.max(candidate.length, exact.length) * MAX_EDIT_SHARE);
  return boundedEditDistance(candidate, exact, limit) <= limit;
}

/**
 * The claim's text edited in place: its old prefix and suffix still surround it, near where it
 * was. The span between them is accepted only when it is still recognisably the same text, so a
 * deleted claim gives null rather than whatever now sits between its neighbours.
 */
function findBetweenContext(text: string, selector: ClaimSelector): Anchor | null {
  const { exact, prefix, suffix, start } = selector;
  const maxLength = Math.ceil(exact.length * (1 + MAX_EDIT_SHARE)) + 1;
  const starts: number[] = [];
  if (prefix.length >= MIN_CONTEXT) {
    for (const at of occurrencesByDistance(text, prefix, start).slice(0, 8))
      starts.push(at + prefix.length);
  } else if (prefix.length === 0 || text.startsWith(prefix)) {
    // A claim at the very start of the text has no prefix, or only a short one.
    starts.push(prefix.length);
  }
  for (const from of starts) {
    if (suffix.length >= MIN_CONTEXT) {
      const to = text.indexOf(suffix, from);
      if (to >= 0 && to - from <= maxLength) {
        const candidate = text.slice(from, to);
        if (isCloseEnough(candidate, exact)) return { start: from, end: to, match: "fuzzy" };
      }
    } else if (suffix.length === 0 || text.endsWith(suffix)) {
      const to = text.length - suffix.length;
      if (to >= from && to - from <= maxLength && isCloseEnough(text.slice(from, to), exact)) {
        return { start: from, end: to, match: "fuzzy" };
      }
    }
    // The suffix changed too: compare a window of the old length.
    const window = text.slice(from, from + exact.length);
    if (window.length === exact.length && isCloseEnough(window, exact)) {
      return { start: from, end: from + exact.length, match: "fuzzy" };
    }
  }
  return null;
}

/**
 * Where a claim is in `newText`: at its old offset if unchanged; else the occurrence of its exact
 * text whose surroundings best match the old prefix and suffix (nearest to the old offset on a
 * tie); else a fuzzy match between the old prefix and suffix; else null when the text is gone.
 */
export function reanchor(newText: string, selector: ClaimSelector): Anchor | null {
  const { exact, start } = selector;
  if (exact === "") return null;
  if (start >= 0 && newText.startsWith(exact, start)) {
    return { start, end: start + exact.length, match: "exact" };
  }
  return findExact(newText, selector) ?? findBetweenContext(newText, selector);
}
