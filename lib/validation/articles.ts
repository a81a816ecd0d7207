import { z } from "zod";
import { findForbiddenCharacter, singleLineText } from "./text";

const optionalText = (max: number, label: string) =>
  singleLineText()
    .max(max, `${label} is at most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : undefined));

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Title, outlet, author, URL and published date: the same rules for the form and the server. */
export const articleMetaSchema = z.object({
  title: singleLineText({ message: "Give the article a title." })
    .min(1, "Give the article a title.")
    .max(500, "The title is at most 500 characters."),
  outlet: optionalText(200, "The outlet"),
  author: optionalText(200, "The author"),
  url: singleLineText()
    .max(2000, "The URL is at most 2000 characters.")
    .optional()
    .refine((value) => !value || isHttpUrl(value), {
      message: "Use a web address starting with http:// or https://.",
    })
    .transform((value) => (value ? value : undefined)),
  publishedOn: singleLineText()
    .optional()
    .refine((value) => !value || isCalendarDate(value), {
      message: "Use a real date (year-month-day).",
    })
    .transform((value) => (value ? value : undefined)),
  publishedApproximate: z.boolean().default(false),
});
export type ArticleMetaInput = z.input<typeof articleMetaSchema>;

/**
 * The body is stored as imported (line endings aside, see normaliseBody), since every claim offset
 * refers to it, so a character that cannot be stored or shown is refused with where it is.
 */
function bodyCharacterMessage(body: string): string | null {
  if (body.includes("\u0000")) {
    return "The text contains NUL characters: it looks like a binary file, not an article.";
  }
  const found = findForbiddenCharacter(body, "multi-line");
  if (!found) return null;
  return found.reason === "surrogate"
    ? `The text contains a broken character (an unpaired surrogate, ${found.codePoint}) on line ${found.line}. Paste the text again from its source.`
    : `The text contains an invisible control character (${found.codePoint}) on line ${found.line}. Remove it, or save the file as plain text, and import again.`;
}

/** What the import service stores: the metadata and the text every offset will refer to. */
export const importArticleSchema = articleMetaSchema.extend({
  body: z
    .string()
    .refine((value) => value.trim().length > 0, { message: "The article text is empty." })
    .check((ctx) => {
      const message = bodyCharacterMessage(ctx.value);
      if (message) ctx.issues.push({ code: "custom", message, input: ctx.value });
    }),
});
export type ImportArticleInput = z.input<typeof importArticleSchema>;

export const IMPORT_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm"] as const;

export const articleIdSchema = z.uuid({ message: "Unknown article." });
const versionSchema = z.coerce.number().int().min(1);

export const updateArticleSchema = articleMetaSchema.extend({
  articleId: articleIdSchema,
  version: versionSchema,
});
export type UpdateArticleInput = z.input<typeof updateArticleSchema>;

export const deleteArticleSchema = z.object({
  articleId: articleIdSchema,
  version: versionSchema,
});

export const ARTICLE_SORTS = ["newest", "oldest", "title", "published"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];
