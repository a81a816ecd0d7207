import type { Tx } from "@/db/client";
import { corrections } from "@/db/schema";
import { RATING_SCALE, type Rating } from "@/db/schema/constants";
import { findActivePublication } from "@/lib/services/reports/load-report";

const label = (rating: Rating | null) => (rating ? RATING_SCALE[rating].label : "no rating");
const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/**
 * Reopening an approved claim while the article's report is public logs a correction against the
 * live publication. The verdict that later settles it is logged when the report is republished
 * (publishReport diffs the snapshots), so it is not logged here a second time.
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
  const publication = await findActivePublication(tx, input.claim.articleId);
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
