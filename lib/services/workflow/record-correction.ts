import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { corrections } from "@/db/schema";
import { RATING_SCALE, type Rating } from "@/db/schema/constants";
import { findLivePublication } from "./claim-lock";

const label = (rating: Rating | null) => (rating ? RATING_SCALE[rating].label : "no rating");
const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/**
 * A published report's readers learn of every later verdict change: reopening an approved claim
 * logs a correction, and so does the approval that settles it again.
 */
export async function recordReopenCorrection(
  tx: Tx,
  input: {
    claim: {
      id: string;
      articleId: string;
      text: string;
      rating: Rating | null;
      approvedAt: Date | null;
    };
    reason: string;
    actorId: string;
  },
): Promise<string | null> {
  const publication = await findLivePublication(tx, input.claim.articleId);
  if (!publication) return null;
  const { claim } = input;
  const [row] = await tx
    .insert(corrections)
    .values({
      articleId: claim.articleId,
      claimId: claim.id,
      publicationId: publication.id,
      description: `The verdict "${label(claim.rating)}" on the claim "${shorten(claim.text)}" was withdrawn for review.`,
      reason: input.reason,
      before: { status: "approved", rating: claim.rating, approvedAt: claim.approvedAt },
      after: { status: "in_review", rating: null },
      createdBy: input.actorId,
    })
    .returning({ id: corrections.id });
  return row?.id ?? null;
}

/** After a reopen was logged on the live report, the new approved verdict is logged too. */
export async function recordReapprovalCorrection(
  tx: Tx,
  input: {
    claim: { id: string; articleId: string; text: string };
    rating: Rating;
    actorId: string;
  },
): Promise<string | null> {
  const publication = await findLivePublication(tx, input.claim.articleId);
  if (!publication) return null;
  const [last] = await tx
    .select({ before: corrections.before, after: corrections.after, reason: corrections.reason })
    .from(corrections)
    .where(
      and(eq(corrections.claimId, input.claim.id), eq(corrections.publicationId, publication.id)),
    )
    .orderBy(desc(corrections.createdAt))
    .limit(1);
  const after = last?.after as { status?: string } | null | undefined;
  if (!last || after?.status !== "in_review") return null;
  const previous = ((last.before as { rating?: Rating | null } | null)?.rating ??
    null) as Rating | null;
  const [row] = await tx
    .insert(corrections)
    .values({
      articleId: input.claim.articleId,
      claimId: input.claim.id,
      publicationId: publication.id,
      description: `The claim "${shorten(input.claim.text)}" is now rated "${label(input.rating)}" (was "${label(previous)}").`,
      reason: last.reason,
      before: { status: "in_review", rating: previous },
      after: { status: "approved", rating: input.rating },
      createdBy: input.actorId,
    })
    .returning({ id: corrections.id });
  return row?.id ?? null;
}
