import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Executor, Tx } from "@/db/client";
import { claims } from "@/db/schema";
import type { ClaimStatus } from "@/db/schema/constants";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { staleWriteError } from "@/lib/services/conflict";
import type { SessionUser } from "@/lib/services/context";
import { type ClaimRow, claimColumns } from "./claim-row";
import { type ClaimChange, type ProposalFacts, requireAllowed, statusAfter } from "./claim-rules";

/**
 * The one way to change a claim: load it for the change (row lock, version, may-act, the rule
 * for the change), write it (version bumped, database clock), audit it. Every verb that changes a
 * claim, workflow or edit, goes through here; lib/services/README.md says why in this order.
 */

/**
 * Locks claims in id order, so two transactions that lock the same claims cannot deadlock (bulk
 * assign, merge). `forDelete` takes the stronger lock a delete needs; otherwise the lock lets
 * comments (key share) through while it is held. Only claims of `articleId`, when given.
 */
export async function lockClaims(
  tx: Tx,
  ids: string[],
  options: { articleId?: string; forDelete?: boolean } = {},
): Promise<ClaimRow[]> {
  const inArticle = options.articleId ? eq(claims.articleId, options.articleId) : undefined;
  return tx
    .select(claimColumns)
    .from(claims)
    .where(and(inArray(claims.id, ids), inArticle))
    .orderBy(asc(claims.id))
    .for(options.forDelete ? "update" : "no key update");
}

/**
 * The start of every change to a claim: the row locked (changes to one claim run one after
 * another, so twenty editors pressing Approve together produce exactly one approval), the
 * version the user read still current, and the change allowed (claim-rules.ts). The version comes
 * first: a page that is out of date answers with a conflict and the claim as it is now, whatever
 * changed, rather than a refusal worded for a claim the user never saw. Changes to what hangs on
 * a claim (sources) have versions of their own and pass no claim version.
 *
 * `status` is where the change leads: the workflow table's answer, or the status it has.
 * `facts` reads what a rule needs beyond the claim row (a verdict to reuse), once it is locked.
 */
export async function loadForChange(
  tx: Tx,
  user: SessionUser,
  ref: { claimId: string; version?: number },
  change: ClaimChange,
  facts?: (claim: ClaimRow) => Promise<ProposalFacts>,
): Promise<{ claim: ClaimRow; status: ClaimStatus }> {
  const [claim] = await lockClaims(tx, [ref.claimId]);
  if (!claim) throw new NotFoundError("claim");
  if (ref.version !== undefined && claim.version !== ref.version) {
    throw await staleWriteError(
      tx,
      { type: "claim", id: claim.id, label: "claim", fallbackAt: claim.updatedAt },
      claim,
    );
  }
  requireAllowed(user, claim, change, facts ? await facts(claim) : {});
  return { claim, status: statusAfter(claim.status, change) };
}

type ClaimSet = Omit<
  PgUpdateSetSource<typeof claims>,
  "id" | "articleId" | "version" | "updatedAt"
>;

/** Writes the claim's new state, bumping its version; the row is locked, so this cannot miss. */
export async function writeClaim(tx: Tx, claim: ClaimRow, set: ClaimSet): Promise<ClaimRow> {
  const [after] = await writeClaims(tx, [claim], set);
  if (!after) throw new ConflictError("This claim was changed by someone else. Try again.");
  return after;
}

/**
 * The same change written to several claims in one statement (bulk assign), each at the version
 * it was loaded at; every row is locked, so none can be missed.
 */
export async function writeClaims(tx: Tx, rows: ClaimRow[], set: ClaimSet): Promise<ClaimRow[]> {
  const written = await tx
    .update(claims)
    .set({ ...set, version: sql`${claims.version} + 1`, updatedAt: sql`now()` })
    .where(or(...rows.map((row) => and(eq(claims.id, row.id), eq(claims.version, row.version)))))
    .returning(claimColumns);
  if (written.length !== rows.length) {
    throw new ConflictError("A claim was changed by someone else. Try again.");
  }
  return written;
}

/** A new claim (added by hand, or the second half of a split), returned as changes return it. */
export async function insertClaim(tx: Tx, values: typeof claims.$inferInsert): Promise<ClaimRow> {
  const [claim] = await tx.insert(claims).values(values).returning(claimColumns);
  if (!claim) throw new Error("claim insert returned no row");
  return claim;
}

export interface ClaimAuditEntry {
  claim: { id: string; articleId: string };
  /** "claim.take", "verdict.approve", …: what the timeline reads. */
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** The audit rows of changes to claims, written with the transaction that made them. */
export function auditClaimChange(
  tx: Executor,
  actorId: string,
  entries: ClaimAuditEntry | ClaimAuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  return recordAudit(
    tx,
    list.map(({ claim, action, before, after }) => ({
      actorId,
      action,
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      before,
      after,
    })),
  );
}
