import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
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

/**
 * Everything a report shows, read with the columns it needs (people by name only). The current
 * verdict of a claim is its latest approved one. Null when the article does not exist.
 */
export async function loadReportInput(
  db: Executor,
  articleId: string,
): Promise<ReportInput | null> {
  const [article] = await db
    .select({ ...articleMetaColumns, body: articles.body })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) return null;

  const claimRows = await db
    .select({ ...claimTextColumns, speakerRole: claims.speakerRole, recheckOn: claims.recheckOn })
    .from(claims)
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.start), asc(claims.end));
  const ids = claimRows.map((c) => c.id);

  const proposer = alias(users, "proposer");
  const approver = alias(users, "approver");
  const verdictRows = ids.length
    ? await db
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
        .orderBy(desc(verdicts.approvedAt), desc(verdicts.createdAt))
    : [];
  const current = new Map<string, (typeof verdictRows)[number]>();
  for (const row of verdictRows) if (!current.has(row.claimId)) current.set(row.claimId, row);

  const sourceRows = ids.length
    ? await db
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
        .orderBy(asc(sources.createdAt), asc(sources.id))
    : [];
  const sourcesOf = new Map<string, ReportInput["claims"][number]["sources"]>();
  for (const { claimId, ...source } of sourceRows) {
    const list = sourcesOf.get(claimId) ?? [];
    list.push(source);
    sourcesOf.set(claimId, list);
  }

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

  return {
    article,
    claims: claimRows.map((claim) => {
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
    }),
    corrections: correctionRows,
  };
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
