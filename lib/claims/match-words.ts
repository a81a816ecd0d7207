// A suggested earlier appearance in words, for the claim page: how strong the match is and why.
// Pure, so client components can use it.

/** What the matching service stores beside a suggestion (db/schema/tracking.ts MatchReasons). */
export interface MatchReasonsInput {
  sharedTerms?: readonly string[] | null;
  agreeingValues?: readonly string[] | null;
  sameSpeaker?: string | null;
}

/**
 * "Strong match (82 %)", "Possible match (41 %)". `strong` is the threshold of a strong match
 * (MATCH_STRONG_SCORE, lib/env.ts), at which the article page also marks the claim as checked
 * before when the earlier claim is approved. Scores run from 0 to 1.
 */
export function matchStrength(score: number, strong: number): string {
  const percent = Math.round(Math.min(1, Math.max(0, score)) * 100);
  return `${score >= strong ? "Strong" : "Possible"} match (${percent} %)`;
}

function list(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).map((item) => `“${item}”`);
  const more = items.length > max ? ` and ${items.length - max} more` : "";
  if (shown.length <= 1) return `${shown.join("")}${more}`;
  if (more) return `${shown.join(", ")}${more}`;
  return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** One sentence per reason, e.g. `Same values: “2,500 personnel”.` Empty when none were given. */
export function matchReasonWords(reasons: MatchReasonsInput | null | undefined): string[] {
  const words: string[] = [];
  const values = reasons?.agreeingValues ?? [];
  const terms = reasons?.sharedTerms ?? [];
  if (values.length > 0) words.push(`Same values: ${list(values, 4)}.`);
  if (reasons?.sameSpeaker) words.push(`Same speaker: ${reasons.sameSpeaker}.`);
  if (terms.length > 0) words.push(`Shared words: ${list(terms, 8)}.`);
  return words;
}
