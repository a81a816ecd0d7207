import { and, eq, sql } from "drizzle-orm";
import { corrections, verdicts } from "@/db/schema";
import { RATING_SCALE } from "@/db/schema/constants";
import { requirePermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { reopenClaimSchema } from "@/lib/validation/workflow";
import {
  assertClaimVersion,
  findLivePublication,
  lockClaim,
  requireTransition,
  updateClaim,
} from "./claim-lock";

/**
 * An editor reopens an approved claim with a reason. The approved verdict stays in the history as
 * superseded; when the article's report is public, the change is logged as a correction.
 */
export async function reopenClaim(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "verdicts.reopen");
  const data = parseInput(reopenClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const claim = await lockClaim(tx, data.claimId);
    await assertClaimVersion(tx, claim, data.version);
    const status = requireTransition(claim, "reopen");
    await tx
      .update(verdicts)
      .set({ state: "superseded", version: sql`${verdicts.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(verdicts.claimId, claim.id), eq(verdicts.state, "approved")));
    const after = await updateClaim(tx, claim, { status, rating: null, approvedAt: null });
    const publication = await findLivePublication(tx, claim.articleId);
    let correctionId: string | null = null;
    if (publication) {
      const label = claim.rating ? RATING_SCALE[claim.rating].label : "no rating";
      const [correction] = await tx
        .insert(corrections)
        .values({
          articleId: claim.articleId,
          claimId: claim.id,
          publicationId: publication.id,
          description: `The verdict "${label}" on the claim "${shorten(claim.text)}" was withdrawn for review.`,
          reason: data.reason,
          before: { status: claim.status, rating: claim.rating, approvedAt: claim.approvedAt },
          after: { status: after.status, rating: null },
          createdBy: ctx.user.id,
        })
        .returning({ id: corrections.id });
      correctionId = correction?.id ?? null;
    }
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.reopen",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      before: { status: claim.status, rating: claim.rating },
      after: { status: after.status, reason: data.reason, correctionId },
    });
    return { claim: after, correctionId };
  });
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
