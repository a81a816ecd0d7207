import type { Db } from "@/db/client";
import type { Article, NewClaim } from "@/db/schema";
import { ctxFor, makeArticle, makeClaim, makeUser } from "./index";

/** An article whose claims sit on known words, and a helper to span a phrase of it. */
export const SAMPLE_BODY =
  "The ministry said 2,500 troops arrived on 6 January 2022. They left by 19 January. " +
  "Article 4 of the Collective Security Treaty was invoked. Officials met in Almaty.";

export function spanOf(body: string, phrase: string, from = 0) {
  const start = body.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" is not in the body`);
  return { start, end: start + phrase.length, text: phrase };
}

export async function makeArticleWithClaims(
  db: Db,
  phrases: string[],
  overrides: Partial<NewClaim> = {},
) {
  const body = `${SAMPLE_BODY} Ref ${crypto.randomUUID()}.`;
  const article: Article = await makeArticle(db, { body });
  const claims = [];
  for (const phrase of phrases) {
    const { start, end } = spanOf(body, phrase);
    claims.push(await makeClaim(db, article, { ...overrides, start, end }));
  }
  return { article, claims };
}

/** A user, their service context and an article (makeArticleWithClaims) to act on. */
export async function makeUserWithArticle(db: Db, phrases: string[]) {
  const user = await makeUser(db);
  const ctx = ctxFor(db, user);
  return { user, ctx, ...(await makeArticleWithClaims(db, phrases)) };
}

/** makeUserWithArticle with one claim, on `phrase`. */
export async function makeUserWithClaim(db: Db, phrase: string) {
  const { claims, ...rest } = await makeUserWithArticle(db, [phrase]);
  const claim = claims[0];
  if (!claim) throw new Error("no claim");
  return { ...rest, claim };
}
