import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { claims, reportPublications } from "@/db/schema";
import type { ClaimStatus } from "@/db/schema/constants";
import { canActOnClaim } from "@/lib/auth/permissions";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { type ClaimAction, nextStatus, refusalMessage } from "@/lib/services/claims/transitions";
import { staleWriteError } from "@/lib/services/conflict";
import type { SessionUser } from "@/lib/services/context";

export const lockedClaimColumns = {
  id: claims.id,
  articleId: claims.articleId,
  text: claims.text,
  status: claims.status,
  assigneeId: claims.assigneeId,
  rating: claims.rating,
  approvedAt: claims.approvedAt,
  updatedAt: claims.updatedAt,
  version: claims.version,
};
export type LockedClaim = {
  id: string;
  articleId: string;
  text: string;
  status: ClaimStatus;
  assigneeId: string | null;
  rating: (typeof claims.$inferSelect)["rating"];
  approvedAt: Date | null;
  updatedAt: Date;
  version: number;
};

/**
 * Reads the claim under a row lock: every workflow change on one claim runs one after another,
 * so twenty editors pressing Approve together produce exactly one approval.
 */
export async function lockClaim(tx: Tx, claimId: string): Promise<LockedClaim> {
  const [claim] = await tx
    .select(lockedClaimColumns)
    .from(claims)
    .where(eq(claims.id, claimId))
    .for("update");
  if (!claim) throw new NotFoundError("claim");
  return claim;
}

/** The claim must still be at the version the user read; otherwise nothing is written. */
export async function assertClaimVersion(tx: Tx, claim: LockedClaim, version: number) {
  if (claim.version === version) return;
  throw await staleWriteError(
    tx,
    { type: "claim", id: claim.id, label: "claim", fallbackAt: claim.updatedAt },
    claim,
  );
}

export function assertCanAct(user: SessionUser, claim: LockedClaim) {
  // Reviewers may see every claim, so this is a refusal rather than a "not found".
  if (!canActOnClaim(user, claim)) {
    throw new ForbiddenError("This claim is assigned to someone else.");
  }
}

/**
 * The start of every workflow change on a claim: the row locked, the version the user read still
 * current, the acting user allowed on it (reviewers: unassigned or their own), and the status the
 * action leads to from the one workflow table. The version comes first: a page that is out of
 * date answers with a conflict and the claim as it is now, whatever changed (another reviewer's
 * take included), rather than a refusal worded for the claim the user never saw.
 */
export async function lockForAction(
  tx: Tx,
  user: SessionUser,
  ref: { claimId: string; version: number },
  action: ClaimAction,
): Promise<{ claim: LockedClaim; status: ClaimStatus }> {
  const claim = await lockClaim(tx, ref.claimId);
  await assertClaimVersion(tx, claim, ref.version);
  assertCanAct(user, claim);
  return { claim, status: requireTransition(claim, action) };
}

/** One audit row for a change to a claim, written with the transaction that made it. */
export function auditClaimChange(
  tx: Executor,
  actorId: string,
  claim: { id: string; articleId: string },
  action: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  return recordAudit(tx, {
    actorId,
    action,
    entityType: "claim",
    entityId: claim.id,
    articleId: claim.articleId,
    claimId: claim.id,
    before,
    after,
  });
}

/** The status an action leads to, from the one workflow table; refused moves change nothing. */
export function requireTransition(claim: LockedClaim, action: ClaimAction): ClaimStatus {
  const to = nextStatus(claim.status, action);
  if (!to) throw new ValidationError(refusalMessage(claim.status, action));
  return to;
}

/** Approved and dismissed claims are read-only: sources and verdicts wait for a reopen. */
export function assertEditable(claim: LockedClaim) {
  if (claim.status === "approved") {
    throw new ValidationError(
      "This claim is approved and read-only. An editor can reopen it with a reason.",
    );
  }
  if (claim.status === "dismissed") {
    throw new ValidationError("This claim is dismissed. Restore it before changing it.");
  }
}

/** Writes the claim's new state, bumping its version; the row is locked, so this cannot miss. */
export async function updateClaim(
  tx: Tx,
  claim: LockedClaim,
  set: Partial<{
    status: ClaimStatus;
    assigneeId: string | null;
    rating: LockedClaim["rating"];
    approvedAt: Date | null;
  }>,
) {
  const [after] = await tx
    .update(claims)
    .set({ ...set, version: sql`${claims.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version)))
    .returning(lockedClaimColumns);
  if (!after) throw new ConflictError("This claim was changed by someone else. Try again.");
  return after;
}

/** The article's live public report, if one is published and not revoked. */
export async function findLivePublication(tx: Executor, articleId: string) {
  const [row] = await tx
    .select({ id: reportPublications.id })
    .from(reportPublications)
    .where(and(eq(reportPublications.articleId, articleId), isNull(reportPublications.revokedAt)))
    .orderBy(desc(reportPublications.publishedAt))
    .limit(1);
  return row ?? null;
}
