import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { sources } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

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

export async function lockSource(tx: Tx, sourceId: string) {
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

export async function findSourceClaimId(tx: Tx, sourceId: string): Promise<string> {
  const [row] = await tx
    .select({ claimId: sources.claimId })
    .from(sources)
    .where(eq(sources.id, sourceId));
  if (!row) throw new NotFoundError("source");
  return row.claimId;
}
