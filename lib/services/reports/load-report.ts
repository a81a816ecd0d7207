import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  articleMetaColumns,
  articles,
  claims,
  claimTextColumns,
  corrections,
  reportPublications,
  sources,
  users,
  verdicts,
} from "@/db/schema";
import type { ReportInput } from "@/lib/reports/model";
import { dataVersion } from "@/lib/services/data-version";

/**
 * Claims read per query. The embedded database (PGlite) runs each query to the end on the request
 * thread, results parsed included: the largest article's 9,034 claims in one query held it for
 * about a second. A hundred rows with their verdicts and sources take it about 10–30 ms, and the
 * thread is let go between chunks, so other requests (and their queries) get in between. A request
 * such as a health check needs several turns of the event loop, and may wait for a chunk at each,
 * so the chunks are kept small (300 gave turns of up to 50 ms; tests/bench/RESULTS.md).
 */
export const REPORT_CHUNK_ROWS = 100;

/** Lets waiting requests in: PGlite's queries resolve without ever giving the event loop back. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Everything a report shows, read with the columns it needs (people by name only). The current
 * verdict of a claim is its latest approved one. Null when the article does not exist.
 *
 * Read in chunks of REPORT_CHUNK_ROWS claims (keyset on start, end, id), each chunk with its
 * verdicts and sources. The chunks are separate statements, as the separate queries always were;
 * so that they still show one state of the article, the data version (raised at the commit of
 * every change to claims, verdicts, articles and users) is read before and after, and the whole
 * read is made again when a change came in between (a claim moved across the chunk boundary could
 * otherwise be missed or read twice).
 */
export async function loadReportInput(
  db: Executor,
  articleId: string,
): Promise<ReportInput | null> {
  for (let attempt = 1; ; attempt++) {
    const before = await dataVersion(db);
    const input = await readReportInput(db, articleId);
    if (attempt >= 3 || (await dataVersion(db)) === before) return input;
  }
}

async function readReportInput(db: Executor, articleId: string): Promise<ReportInput | null> {
  const [article] = await db
    .select({ ...articleMetaColumns, body: articles.body })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) return null;

  const reportClaims: ReportInput["claims"] = [];
  let after: { start: number; end: number; id: string } | null = null;
  for (;;) {
    await yieldToOthers();
    const chunk: ReportInput["claims"] = await readClaimChunk(db, articleId, after);
    reportClaims.push(...chunk);
    const last = chunk.at(-1);
    if (!last || chunk.length < REPORT_CHUNK_ROWS) break;
    after = { start: last.start, end: last.end, id: last.id };
  }

  await yieldToOthers();
  const correctionRows = await db
    .select({
      createdAt: corrections.createdAt,
      claimId: corrections.claimId,
      description: corrections.description,
      reason: corrections.reason,
    })
    .from(corrections)
    .where(eq(corrections.articleId, articleId))
    .orderBy(asc(corrections.createdAt));

  return { article, claims: reportClaims, corrections: correctionRows };
}

/** The next REPORT_CHUNK_ROWS claims after `after`, in text order, with verdicts and sources. */
async function readClaimChunk(
  db: Executor,
  articleId: string,
  after: { start: number; end: number; id: string } | null,
): Promise<ReportInput["claims"]> {
  const claimRows = await db
    .select({ ...claimTextColumns, speakerRole: claims.speakerRole, recheckOn: claims.recheckOn })
    .from(claims)
    .where(
      and(
        eq(claims.articleId, articleId),
        // The first condition lets the (article_id, start) index find where the chunk begins.
        after
          ? and(
              gte(claims.start, after.start),
              sql`(${claims.start}, ${claims.end}, ${claims.id}) > (${after.start}, ${after.end}, ${after.id}::uuid)`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(claims.start), asc(claims.end), asc(claims.id))
    .limit(REPORT_CHUNK_ROWS);
  const ids = claimRows.map((c) => c.id);
  if (ids.length === 0) return [];

  const proposer = alias(users, "proposer");
  const approver = alias(users, "approver");
  const verdictRows = await db
    .select({
      claimId: verdicts.claimId,
      rating: verdicts.rating,
      rationale: verdicts.rationale,
      proposedBy: proposer.name,
      proposedAt: verdicts.createdAt,
      approvedBy: approver.name,
      approvedAt: verdicts.approvedAt,
    })
    .from(verdicts)
    .leftJoin(proposer, eq(proposer.id, verdicts.proposedBy))
    .leftJoin(approver, eq(approver.id, verdicts.approvedBy))
    .where(and(inArray(verdicts.claimId, ids), eq(verdicts.state, "approved")))
    .orderBy(desc(verdicts.approvedAt), desc(verdicts.createdAt));
  const current = new Map<string, (typeof verdictRows)[number]>();
  for (const row of verdictRows) if (!current.has(row.claimId)) current.set(row.claimId, row);

  const sourceRows = await db
    .select({
      claimId: sources.claimId,
      title: sources.title,
      publisher: sources.publisher,
      url: sources.url,
      stance: sources.stance,
      excerpt: sources.excerpt,
      accessedOn: sources.accessedOn,
    })
    .from(sources)
    .where(inArray(sources.claimId, ids))
    .orderBy(asc(sources.createdAt), asc(sources.id));
  const sourcesOf = new Map<string, ReportInput["claims"][number]["sources"]>();
  for (const { claimId, ...source } of sourceRows) {
    const list = sourcesOf.get(claimId) ?? [];
    list.push(source);
    sourcesOf.set(claimId, list);
  }

  return claimRows.map((claim) => {
    const verdict = current.get(claim.id);
    return {
      ...claim,
      verdict: verdict
        ? {
            rating: verdict.rating,
            rationale: verdict.rationale,
            proposedBy: verdict.proposedBy,
            proposedAt: verdict.proposedAt,
            approvedBy: verdict.approvedBy,
            approvedAt: verdict.approvedAt,
          }
        : null,
      sources: sourcesOf.get(claim.id) ?? [],
    };
  });
}

/** The article's live publication, if it has one. */
export async function findActivePublication(db: Executor, articleId: string) {
  const [row] = await db
    .select({
      id: reportPublications.id,
      token: reportPublications.token,
      publishedAt: reportPublications.publishedAt,
      snapshot: reportPublications.snapshot,
    })
    .from(reportPublications)
    .where(and(eq(reportPublications.articleId, articleId), isNull(reportPublications.revokedAt)))
    .orderBy(desc(reportPublications.publishedAt))
    .limit(1);
  return row ?? null;
}

/** The latest publication, live or revoked: what a republication is compared with. */
export async function findLatestPublication(db: Executor, articleId: string) {
  const [row] = await db
    .select({ id: reportPublications.id, snapshot: reportPublications.snapshot })
    .from(reportPublications)
    .where(eq(reportPublications.articleId, articleId))
    .orderBy(desc(reportPublications.publishedAt))
    .limit(1);
  return row ?? null;
}
