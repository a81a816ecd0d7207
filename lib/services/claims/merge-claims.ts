import { and, asc, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { auditEvents, claims, comments, sources, verdicts } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
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
 *
 * Both claims are locked first. Whatever attaches itself to a claim (a comment, a source, a
 * verdict) locks the claim's row too, so it either commits before the merge moves things (and is
 * moved) or waits for the merge and then finds its claim gone (and is refused with a conflict):
 * it can never land on the later claim between the move and the delete and vanish with it.
 */
export async function mergeClaims(ctx: Ctx, input: unknown): Promise<ClaimRow> {
  requirePermission(ctx.user, "claims.edit");
  const data = parseInput(mergeClaimsSchema, input);
  return ctx.db.transaction(async (tx) => {
    await lockBoth(tx, data.claimId, data.otherId);
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

/** Both rows locked in one order (by id), so two merges sharing a claim cannot deadlock. */
async function lockBoth(tx: Tx, one: string, other: string): Promise<void> {
  await tx
    .select({ id: claims.id })
    .from(claims)
    .where(inArray(claims.id, [one, other]))
    .orderBy(asc(claims.id))
    .for("update");
}

/**
 * The refusal for a claim that is not there: a conflict when it was merged into another claim
 * (the user saw it a moment ago), otherwise not found. `what` names what was not saved.
 */
export async function missingClaimError(
  db: Executor,
  claimId: string,
  what: string,
): Promise<ConflictError | NotFoundError> {
  const [merge] = await db
    .select({ into: auditEvents.claimId })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "claim.merge"),
        eq(sql`${auditEvents.before} -> 'merged' ->> 'id'`, claimId),
      ),
    )
    .limit(1);
  if (!merge) return new NotFoundError("claim");
  return new ConflictError(
    `This claim was merged into the claim before it while you were writing, so ${what} was not saved. Reload the article and add it to the merged claim.`,
    { mergedInto: merge.into },
  );
}
