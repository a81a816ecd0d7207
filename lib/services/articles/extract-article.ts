// Types only: the claim model takes a second and 70 MB to load, which belongs on the worker
// threads, not in every module that imports this one (the import route's bundle among them).
import type { ExtractedClaim, ExtractOptions, extractClaims } from "@/lib/claims";

export type ExtractFn = typeof extractClaims;

/** Longer runs of non-space characters are cut for the extractor (see extractArticleClaims). */
const MAX_RUN = 64;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, "g");

/** The text with a space every MAX_RUN characters inside longer runs, at the same offsets. */
function cutLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    let out = "";
    let piece = 0;
    for (let i = 0; i < run.length; i++) {
      const code = run.charCodeAt(i);
      // Never half a surrogate pair: the space goes in at the next whole character.
      if (piece >= MAX_RUN && (code < 0xd800 || code > 0xdfff)) {
        out += " ";
        piece = 0;
      } else {
        out += run[i];
        piece++;
      }
    }
    return out;
  });
}

/**
 * Claims of an article body. wink-nlp tests every token with /[a-z].*\.$/i, which is quadratic in
 * the token's length: a 32,000-character "word" took 3 s and a 2 MB one hours. Runs longer than
 * 64 characters are therefore cut by spaces for the extractor only; the text keeps its length, so
 * offsets are unchanged, and each claim's text and context are read back from the real body.
 */
export function extractArticleClaims(
  body: string,
  options: ExtractOptions,
  extract: ExtractFn,
): ExtractedClaim[] {
  const text = cutLongRuns(body);
  const claims = extract(text, options);
  if (text === body) return claims;
  return claims.map((claim) => ({
    ...claim,
    text: body.slice(claim.start, claim.end),
    prefix: body.slice(Math.max(0, claim.start - claim.prefix.length), claim.start),
    suffix: body.slice(claim.end, claim.end + claim.suffix.length),
  }));
}
