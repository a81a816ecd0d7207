import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claims, trackedClaims } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import {
  auditClaimChange,
  loadForChange,
  lockClaims,
  writeClaim,
} from "@/lib/services/claims/claim-change";
import type { ClaimRow } from "@/lib/services/claims/claim-row";
import type { SessionUser } from "@/lib/services/context";

/**
 * Locks tracked claims in id order. Every transaction that changes tracked claims and their
 * appearances locks the tracked claims first and the claims after, so two of them cannot deadlock;
 * the claim verbs of the workflow lock claims only.
 */
export function lockTrackedClaims(tx: Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(trackedClaims)
    .where(inArray(trackedClaims.id, ids))
    .orderBy(asc(trackedClaims.id))
    .for("update");
}

/** An audit row of a tracked claim (its own history; the appearances keep theirs). */
export function auditTrackedClaim(
  tx: Tx,
  actorId: string,
  entry: { id: string; action: string; before?: unknown; after?: unknown },
) {
  return recordAudit(tx, {
    actorId,
    action: entry.action,
    entityType: "tracked_claim",
    entityId: entry.id,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** Points an appearance at a tracked claim (or none), audited on the claim. */
export async function setTrackedClaim(
  tx: Tx,
  actorId: string,
  claim: ClaimRow,
  trackedClaimId: string | null,
  action = "claim.track",
  extra: Record<string, unknown> = {},
) {
  if (claim.trackedClaimId === trackedClaimId) return claim;
  const after = await writeClaim(tx, claim, { trackedClaimId });
  await auditClaimChange(tx, actorId, {
    claim,
    action,
    before: { trackedClaimId: claim.trackedClaimId },
    after: { trackedClaimId, ...extra },
  });
  return after;
}

/**
 * "Same claim": the later appearance and the earlier one end in one tracked claim. A new one is
 * made (worded as the earlier claim) when neither belongs to one; one that does takes the other
 * in; when each belongs to a different one, the younger tracked claim's appearances move to the
 * older one, which is kept, and the younger is deleted. Returns the tracked claim's id.
 */
export async function linkAppearances(
  tx: Tx,
  user: SessionUser,
  pair: { laterId: string; earlierId: string },
): Promise<string> {
  // Read without a lock to learn which tracked claims to lock first; checked again once locked.
  const seen = await tx
    .select({ id: claims.id, trackedClaimId: claims.trackedClaimId })
    .from(claims)
    .where(inArray(claims.id, [pair.laterId, pair.earlierId]));
  const trackedIds = [
    ...new Set(seen.map((c) => c.trackedClaimId).filter((id): id is string => id !== null)),
  ];
  const tracked = await lockTrackedClaims(tx, trackedIds);
  const members =
    trackedIds.length > 1
      ? await tx
          .select({ id: claims.id })
          .from(claims)
          .where(inArray(claims.trackedClaimId, trackedIds))
      : [];
  const locked = await lockClaims(tx, [
    ...new Set([pair.laterId, pair.earlierId, ...members.map((m) => m.id)]),
  ]);
  const moved = locked.some((c) => {
    const before = seen.find((s) => s.id === c.id);
    return before && before.trackedClaimId !== c.trackedClaimId;
  });
  if (moved || tracked.length !== trackedIds.length) {
    throw new ConflictError(
      "These claims were linked or unlinked by someone else a moment ago. Reload the page and decide again.",
    );
  }
  // The rules of linking (any status; no may-act check), asked as for any claim change.
  const { claim: later } = await loadForChange(tx, user, { claimId: pair.laterId }, "track");
  const { claim: earlier } = await loadForChange(tx, user, { claimId: pair.earlierId }, "track");

  if (!later.trackedClaimId && !earlier.trackedClaimId) {
    const [created] = await tx
      .insert(trackedClaims)
      .values({ canonicalText: earlier.text, createdBy: user.id })
      .returning();
    if (!created) throw new Error("tracked claim insert returned no row");
    await auditTrackedClaim(tx, user.id, {
      id: created.id,
      action: "tracked.create",
      after: { canonicalText: created.canonicalText, appearances: [earlier.id, later.id] },
    });
    await setTrackedClaim(tx, user.id, earlier, created.id);
    await setTrackedClaim(tx, user.id, later, created.id);
    return created.id;
  }
  if (!later.trackedClaimId || !earlier.trackedClaimId) {
    const target = (later.trackedClaimId ?? earlier.trackedClaimId) as string;
    await setTrackedClaim(tx, user.id, later.trackedClaimId ? earlier : later, target);
    return target;
  }
  if (later.trackedClaimId === earlier.trackedClaimId) return later.trackedClaimId;

  // Two tracked claims: the older one keeps its wording and history and takes the other's.
  const [keep, gone] = [...tracked].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  ) as [(typeof tracked)[number], (typeof tracked)[number]];
  const movedIds: string[] = [];
  for (const claim of locked) {
    if (claim.trackedClaimId !== gone.id) continue;
    await setTrackedClaim(tx, user.id, claim, keep.id, "claim.track", { mergedFrom: gone.id });
    movedIds.push(claim.id);
  }
  await tx
    .update(trackedClaims)
    .set({ version: sql`${trackedClaims.version} + 1`, updatedAt: sql`now()` })
    .where(eq(trackedClaims.id, keep.id));
  await tx.delete(trackedClaims).where(eq(trackedClaims.id, gone.id));
  await auditTrackedClaim(tx, user.id, {
    id: keep.id,
    action: "tracked.merge",
    before: { merged: { id: gone.id, canonicalText: gone.canonicalText } },
    after: { canonicalText: keep.canonicalText, moved: movedIds },
  });
  return keep.id;
}
