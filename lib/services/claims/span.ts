import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { articles } from "@/db/schema";
import { reanchor } from "@/lib/claims";
import { SELECTOR_CONTEXT } from "@/lib/claims/kinds";
import { NotFoundError, ValidationError } from "@/lib/errors";

async function readBody(db: Executor, articleId: string): Promise<string> {
  const [row] = await db
    .select({ body: articles.body })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!row) throw new NotFoundError("article");
  return row.body;
}

/** The article text a claim edit works on; the claim's stored span must still match it. */
export async function claimBody(
  db: Executor,
  claim: { articleId: string; start: number; end: number; text: string },
): Promise<string> {
  const body = await readBody(db, claim.articleId);
  if (body.slice(claim.start, claim.end) !== claim.text) {
    throw new ValidationError("This claim's span no longer matches the article text.");
  }
  return body;
}

export interface Span {
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
}

/** The quote selector for a span that is known to match the text. */
export function spanAt(body: string, start: number, end: number): Span {
  return {
    start,
    end,
    text: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - SELECTOR_CONTEXT), start),
    suffix: body.slice(end, end + SELECTOR_CONTEXT),
  };
}

/**
 * Checks a span the user selected against the article text. The text they saw must be exactly
 * what the offsets cover; when the offsets are off (a selection mapped differently in the browser)
 * the text is looked up again near them, and refused if it is not there exactly.
 */
export function checkedSpan(
  body: string,
  selection: { start: number; end: number; text: string },
): Span {
  const { start, end, text } = selection;
  if (text.trim() === "") {
    throw new ValidationError("A claim needs some words, not only spaces.", {
      text: ["A claim needs some words, not only spaces."],
    });
  }
  if (end <= body.length && body.slice(start, end) === text) return wholeSpanAt(body, start, end);
  const found = reanchor(body, { exact: text, prefix: "", suffix: "", start });
  if (found && found.match === "exact") return wholeSpanAt(body, found.start, found.end);
  throw new ValidationError("The selected text does not match the article at that position.", {
    text: ["The selected text does not match the article at that position."],
  });
}

/**
 * Whether an offset (in UTF-16 code units, as every offset here) falls between the two halves of
 * a surrogate pair: a span cut there would hold half an emoji, stored as U+FFFD.
 */
export function splitsCharacter(body: string, at: number): boolean {
  const before = body.charCodeAt(at - 1);
  const after = body.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function wholeSpanAt(body: string, start: number, end: number): Span {
  if (splitsCharacter(body, start) || splitsCharacter(body, end)) {
    const message =
      "The selection starts or ends inside a character (an emoji, say): select whole characters.";
    throw new ValidationError(message, { text: [message] });
  }
  return spanAt(body, start, end);
}
