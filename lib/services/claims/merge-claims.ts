import { and, eq, gt, lt, ne } from "drizzle-orm";
import { claims, comments, sources, verdicts } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { staleWriteError } from "@/lib/services/conflict";
import type { Ctx } from "@/lib/services/context";
import { mergeClaimsSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import {
  type ClaimRow,
  claimForEdit,
  claimSnapshot,
  readClaim,
  spanAt,
  updateClaimRow,
} from "./claim-row";

const MERGEABLE = ["open", "in_review"] as const;

/**
 * Merges two neighbouring claims of one article into the earlier one, whose span grows to cover
 * both. The later claim's sources, comments and verdict history move to the merged claim, so
 * nothing attached to either is lost; then the later claim is removed.
 */
export async function mergeClaims(ctx: Ctx, input: unknown): Promise<ClaimRow> {
  requirePermission(ctx.user, "claims.edit");
  const data = parseInput(mergeClaimsSchema, input);
  return ctx.db.transaction(async (tx) => {
    const a = await claimForEdit(tx, ctx, data.claimId, data.version);
    const b = await claimForEdit(tx, ctx, data.otherId, data.otherVersion);
    if (a.claim.articleId !== b.claim.articleId) {
      throw new ValidationError("Only claims of the same article can be merged.");
    }
    for (const { claim } of [a, b]) {
      if (!(MERGEABLE as readonly string[]).includes(claim.status)) {
        throw new ForbiddenError("Only open claims or claims under review can be merged.");
      }
    }
    const [first, second] =
      a.claim.start <= b.claim.start ? [a.claim, b.claim] : [b.claim, a.claim];
    const between = await tx
      .select({ id: claims.id })
      .from(claims)
      .where(
        and(
          eq(claims.articleId, first.articleId),
          ne(claims.id, first.id),
          ne(claims.id, second.id),
          gt(claims.start, first.start),
          lt(claims.start, second.start),
        ),
      )
      .limit(1);
    if (between.length > 0) {
      throw new ValidationError(
        "Only neighbouring claims can be merged: another claim lies between them.",
      );
    }
    const span = spanAt(a.body, first.start, Math.max(first.end, second.end));
    await tx.update(sources).set({ claimId: first.id }).where(eq(sources.claimId, second.id));
    await tx.update(comments).set({ claimId: first.id }).where(eq(comments.claimId, second.id));
    await tx.update(verdicts).set({ claimId: first.id }).where(eq(verdicts.claimId, second.id));
    const removed = await tx
      .delete(claims)
      .where(and(eq(claims.id, second.id), eq(claims.version, second.version)))
      .returning({ id: claims.id });
    if (removed.length === 0) {
      const current = await readClaim(tx, second.id);
      throw await staleWriteError(tx, { type: "claim", id: second.id, label: "claim" }, current);
    }
    const merged = await updateClaimRow(tx, first, span);
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.merge",
      entityType: "claim",
      entityId: first.id,
      articleId: first.articleId,
      claimId: first.id,
      before: { claim: claimSnapshot(first), merged: { id: second.id, ...claimSnapshot(second) } },
      after: claimSnapshot(merged),
    });
    return merged;
  });
}
