import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { sources } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { staleWriteError } from "@/lib/services/conflict";
import type { SessionUser } from "@/lib/services/context";
import { assertCanAct, assertEditable, lockClaim } from "@/lib/services/workflow/claim-lock";

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
  createdAt: sources.createdAt,
  updatedAt: sources.updatedAt,
  version: sources.version,
};

async function lockSource(tx: Tx, sourceId: string) {
  const [source] = await tx
    .select(sourceColumns)
    .from(sources)
    .where(eq(sources.id, sourceId))
    .for("update");
  if (!source) throw new NotFoundError("source");
  return source;
}

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

async function findSourceClaimId(tx: Tx, sourceId: string): Promise<string> {
  const [row] = await tx
    .select({ claimId: sources.claimId })
    .from(sources)
    .where(eq(sources.id, sourceId));
  if (!row) throw new NotFoundError("source");
  return row.claimId;
}

/**
 * Locks a source and its claim for a change (claim first, then source: the same lock order as
 * everywhere else, so no deadlock), checks that the user may change the claim's sources now, and
 * that the source is still at the version the user saw; `staleHint` ends the conflict message.
 */
export async function lockSourceForChange(
  tx: Tx,
  user: SessionUser,
  sourceId: string,
  version: number,
  staleHint: string,
) {
  const claim = await lockClaim(tx, await findSourceClaimId(tx, sourceId));
  const current = await lockSource(tx, sourceId);
  assertCanAct(user, claim);
  assertEditable(claim);
  if (current.version !== version) {
    throw await staleWriteError(
      tx,
      { type: "source", id: sourceId, label: "source", fallbackAt: current.updatedAt },
      current,
      staleHint,
    );
  }
  return { claim, current };
}
