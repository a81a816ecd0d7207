import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { sources } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { AuditInput } from "@/lib/services/audit";
import { loadForChange } from "@/lib/services/claims/claim-change";
import { missingClaimError } from "@/lib/services/claims/merge-claims";
import { staleWriteError } from "@/lib/services/conflict";
import type { SessionUser } from "@/lib/services/context";

export const sourceColumns = {
  id: sources.id,
  claimId: sources.claimId,
  url: sources.url,
  title: sources.title,
  publisher: sources.publisher,
  sourceType: sources.sourceType,
  stance: sources.stance,
  excerpt: sources.excerpt,
  accessedOn: sources.accessedOn,
  note: sources.note,
  addedBy: sources.addedBy,
  reusedFromId: sources.reusedFromId,
  createdAt: sources.createdAt,
  updatedAt: sources.updatedAt,
  version: sources.version,
};

/** The fields worth keeping in an audit row (everything a person typed). */
export function auditFields(source: {
  url: string;
  title: string;
  publisher: string | null;
  sourceType: string;
  stance: string;
  excerpt: string | null;
  accessedOn: string | null;
  note: string | null;
}) {
  const { url, title, publisher, sourceType, stance, excerpt, accessedOn, note } = source;
  return { url, title, publisher, sourceType, stance, excerpt, accessedOn, note };
}

/**
 * The claim whose sources change, locked through the one way to change a claim (may the user
 * act on it, does its status allow changes to sources). The lock keeps a source from slipping in
 * while the claim is being approved, or merged away (a merge locks both claims before it moves
 * their sources): a claim merged away meanwhile answers with a conflict that says so.
 */
export async function lockClaimForSources(tx: Tx, user: SessionUser, claimId: string) {
  try {
    return (await loadForChange(tx, user, { claimId }, "sources")).claim;
  } catch (error) {
    if (error instanceof NotFoundError) throw await missingClaimError(tx, claimId, "the source");
    throw error;
  }
}

/**
 * Locks a source and its claim for a change (claim first, then source: the same lock order as
 * everywhere else, so no deadlock), checks that the user may change the claim's sources now, and
 * that the source is still at the version the user saw; `staleHint` ends the conflict message.
 */
export async function lockSourceForChange(
  tx: Tx,
  user: SessionUser,
  ref: { sourceId: string; version: number },
  staleHint: string,
) {
  const [row] = await tx
    .select({ claimId: sources.claimId })
    .from(sources)
    .where(eq(sources.id, ref.sourceId));
  if (!row) throw new NotFoundError("source");
  const claim = await lockClaimForSources(tx, user, row.claimId);
  const [current] = await tx
    .select(sourceColumns)
    .from(sources)
    .where(eq(sources.id, ref.sourceId))
    .for("update");
  if (!current) throw new NotFoundError("source");
  if (current.version !== ref.version) {
    throw await staleWriteError(
      tx,
      { type: "source", id: ref.sourceId, label: "source", fallbackAt: current.updatedAt },
      current,
      staleHint,
    );
  }
  return { claim, current };
}

/** The audit row of a change to one of a claim's sources, to complete with before and after. */
export function sourceAudit(
  actorId: string,
  claim: { id: string; articleId: string },
  action: string,
  sourceId: string,
): AuditInput {
  const { id: claimId, articleId } = claim;
  return { actorId, action, entityType: "source", entityId: sourceId, articleId, claimId };
}
