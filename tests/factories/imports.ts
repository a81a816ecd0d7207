import type { Db } from "@/db/client";
import { importArticle } from "@/lib/services/articles/import-article";
import { ctxFor, makeUser } from "./index";

/** Two sentences the extractor finds a claim in each. */
export const TROOPS_AND_TREATY =
  "The ministry said 2,500 troops arrived on 6 January 2022. Article 4 of the Collective Security Treaty was invoked.";

/**
 * A reviewer named `name` imports an article through the service: titled `title`, its text the
 * title, a fresh id (so no import is a duplicate) and `text`. Their context and the import.
 */
export async function importAsReviewer(
  db: Db,
  name: string,
  article: { title: string; text: string; publishedOn?: string },
) {
  const reviewer = await makeUser(db, { name });
  const ctx = ctxFor(db, reviewer);
  const created = await importArticle(ctx, {
    title: article.title,
    text: `${article.title} ${crypto.randomUUID()}. ${article.text}`,
    ...(article.publishedOn ? { publishedOn: article.publishedOn } : {}),
  });
  return { reviewer, ctx, created };
}
