// Whether two claims name the same speaker. Pure.

// Words after a surname that are not the surname ("Martin Luther King Jr.").
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "phd", "md", "qc", "kc", "mp"]);

/**
 * The part of a name that identifies a person across articles: the last word that is not a
 * suffix, without accents or case. A first mention says "Alison Rowe", a later one "Ms Rowe" or
 * "Rowe"; bodies ("the Ministry of Defence") compare by their last word too.
 */
export function speakerKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]s\b/gu, "")
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w !== "");
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  return words[words.length - 1] ?? null;
}

/** The earlier claim's speaker when both claims name the same one, else null. */
export function sameSpeaker(
  a: string | null | undefined,
  b: string | null | undefined,
): string | null {
  const ka = speakerKey(a);
  return ka !== null && ka === speakerKey(b) ? (b ?? null) : null;
}
