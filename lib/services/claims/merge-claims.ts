import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { auditEvents, claims, comments, sources, verdicts } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Ctx } from "@/lib/services/context";
import { mergeClaimsSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import { auditClaimChange, loadForChange, lockClaims, writeClaim } from "./claim-change";
import { claimSnapshot } from "./claim-row";
import { claimBody, spanAt } from "./span";

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
export async function mergeClaims(ctx: Ctx, input: z.input<typeof mergeClaimsSchema>) {
  requirePermission(ctx.actor, "claims.edit");
  const data = parseInput(mergeClaimsSchema, input);
  return ctx.db.transaction(async (tx) => {
    // Both rows locked first, in one order, with the lock a delete needs.
    await lockClaims(tx, [data.claimId, data.otherId], { forDelete: true });
    const { claim: a } = await loadForChange(tx, ctx.actor, data, "merge");
    const { claim: b } = await loadForChange(
      tx,
      ctx.actor,
      { claimId: data.otherId, version: data.otherVersion },
      "merge",
    );
    if (a.articleId !== b.articleId) {
      throw new ValidationError("Only claims of the same article can be merged.");
    }
    const [first, second] = a.start <= b.start ? [a, b] : [b, a];
    const body = await claimBody(tx, first);
    await claimBody(tx, second);
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
    const span = spanAt(body, first.start, Math.max(first.end, second.end));
    await tx.update(sources).set({ claimId: first.id }).where(eq(sources.claimId, second.id));
    await tx.update(comments).set({ claimId: first.id }).where(eq(comments.claimId, second.id));
    await tx.update(verdicts).set({ claimId: first.id }).where(eq(verdicts.claimId, second.id));
    // Locked and at the version read, so the delete cannot miss.
    await tx.delete(claims).where(eq(claims.id, second.id));
    const merged = await writeClaim(tx, first, span);
    await auditClaimChange(tx, ctx.actor.id, {
      claim: first,
      action: "claim.merge",
      before: { claim: claimSnapshot(first), merged: { id: second.id, ...claimSnapshot(second) } },
      after: claimSnapshot(merged),
    });
    return merged;
  });
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
