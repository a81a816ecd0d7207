import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { articles, type Claim, claims } from "@/db/schema";
import { canActOnClaim } from "@/lib/auth/permissions";
import { reanchor } from "@/lib/claims";
import { SELECTOR_CONTEXT } from "@/lib/claims/kinds";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { staleWriteError } from "@/lib/services/conflict";
import type { Ctx } from "@/lib/services/context";

/** The columns an edit reads and the client shows after a conflict. */
export const claimColumns = {
  id: claims.id,
  articleId: claims.articleId,
  text: claims.text,
  start: claims.start,
  end: claims.end,
  prefix: claims.prefix,
  suffix: claims.suffix,
  kind: claims.kind,
  score: claims.score,
  values: claims.values,
  speaker: claims.speaker,
  status: claims.status,
  assigneeId: claims.assigneeId,
  origin: claims.origin,
  dismissReason: claims.dismissReason,
  rating: claims.rating,
  version: claims.version,
  updatedAt: claims.updatedAt,
};
export type ClaimRow = Pick<Claim, keyof typeof claimColumns>;

/** What the audit log keeps of a claim: enough to see what changed, not the whole row. */
export function claimSnapshot(claim: ClaimRow) {
  return {
    text: claim.text,
    start: claim.start,
    end: claim.end,
    kind: claim.kind,
    values: claim.values,
    status: claim.status,
    dismissReason: claim.dismissReason,
    version: claim.version,
  };
}

export async function readClaim(db: Executor, claimId: string): Promise<ClaimRow | null> {
  const [row] = await db.select(claimColumns).from(claims).where(eq(claims.id, claimId));
  return row ?? null;
}

export async function readBody(db: Executor, articleId: string): Promise<string> {
  const [row] = await db
    .select({ body: articles.body })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!row) throw new NotFoundError("article");
  return row.body;
}

/**
 * The claim an edit is about, checked: it exists, the user may act on it (reviewers: unassigned
 * or their own), the version they read is still current, and its stored span still matches the
 * article text.
 */
export async function claimForEdit(
  tx: Executor,
  ctx: Ctx,
  claimId: string,
  version: number,
): Promise<{ claim: ClaimRow; body: string }> {
  const claim = await readClaim(tx, claimId);
  if (!claim) throw new NotFoundError("claim");
  // A stale page is a conflict first (as in lockForAction), whatever changed since it was read.
  if (claim.version !== version) {
    throw await staleWriteError(tx, { type: "claim", id: claim.id, label: "claim" }, claim);
  }
  if (!canActOnClaim(ctx.user, claim)) {
    throw new ForbiddenError("This claim is assigned to someone else: ask an editor to change it.");
  }
  const body = await readBody(tx, claim.articleId);
  if (body.slice(claim.start, claim.end) !== claim.text) {
    throw new ValidationError("This claim's span no longer matches the article text.");
  }
  return { claim, body };
}

export function refuseIfApproved(claim: ClaimRow): void {
  if (claim.status === "approved") {
    throw new ForbiddenError("An approved claim is read-only until an editor reopens it.");
  }
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

/** The versioned update: zero rows means someone else wrote first. */
export async function updateClaimRow(
  tx: Executor,
  claim: ClaimRow,
  patch: Partial<Omit<Claim, "id" | "articleId" | "version" | "createdAt">>,
): Promise<ClaimRow> {
  const [updated] = await tx
    .update(claims)
    .set({ ...patch, updatedAt: new Date(), version: sql`${claims.version} + 1` })
    .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
    .returning(claimColumns);
  if (updated) return updated;
  const current = await readClaim(tx, claim.id);
  if (!current) throw new NotFoundError("claim");
  throw await staleWriteError(tx, { type: "claim", id: claim.id, label: "claim" }, current);
}
