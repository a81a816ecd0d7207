// Social-media posts as claims: the text a matcher should see. Pure.

const URL = /(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+/giu;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };

/** "realDonaldTrump" → "real Donald Trump", "COVID19Vaccine" → "COVID 19 Vaccine", "stop_the_war" → "stop the war". */
function splitCompound(word: string): string {
  return word
    .replace(/_+/gu, " ")
    .replace(/(?<=\p{Ll})(?=\p{Lu})/gu, " ")
    .replace(/(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu, " ")
    .replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, " ");
}

/**
 * A post (a tweet, a status) made readable for matching: links dropped (their host and path are
 * unique strings that match nothing), HTML entities decoded, and hashtags and @handles split into
 * their words, so "#StopTheWar" and "@realDonaldTrump" share words with a claim that writes them
 * out. Words are kept otherwise; the ranking decides what matters.
 */
export function cleanPostText(text: string): string {
  return text
    .replace(URL, " ")
    .replace(/&(?:amp|lt|gt|quot);/gu, (e) => ENTITIES[e] ?? e)
    .replace(/[#@]([\p{L}\p{N}_]+)/gu, (_, word: string) => splitCompound(word))
    .replace(/\s+/gu, " ")
    .trim();
}
