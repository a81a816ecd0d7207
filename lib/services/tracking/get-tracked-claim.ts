import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { articles, claims, trackedClaims, users, verdicts } from "@/db/schema";
import type { Rating } from "@/db/schema/constants";
import { can, requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/services/context";
import { parseOrNotFound } from "@/lib/validation/parse";
import { trackedClaimIdSchema } from "@/lib/validation/tracking";
import { isInconsistent } from "./consistency";

const proposer = alias(users, "proposer");
const approver = alias(users, "approver");

/**
 * A tracked claim's page: its canonical wording, every appearance in the order the articles were
 * published (undated articles by when they were imported), the outlets and speakers, the verdicts
 * of all appearances, and the current rating (the latest approval).
 */
export async function getTrackedClaim(
  ctx: Ctx,
  trackedClaimId: z.input<typeof trackedClaimIdSchema>,
) {
  requirePermission(ctx.actor, "articles.read");
  const id = parseOrNotFound(trackedClaimIdSchema, trackedClaimId, "tracked claim");
  const db = ctx.db;
  const [tracked] = await db
    .select({
      id: trackedClaims.id,
      canonicalText: trackedClaims.canonicalText,
      version: trackedClaims.version,
      createdAt: trackedClaims.createdAt,
      updatedAt: trackedClaims.updatedAt,
      createdByName: users.name,
    })
    .from(trackedClaims)
    .leftJoin(users, eq(users.id, trackedClaims.createdBy))
    .where(eq(trackedClaims.id, id));
  if (!tracked) throw new NotFoundError("tracked claim");

  const appearances = await db
    .select({
      id: claims.id,
      text: claims.text,
      speaker: claims.speaker,
      speakerRole: claims.speakerRole,
      status: claims.status,
      rating: sql<Rating | null>`case when ${claims.status} = 'approved' then ${claims.rating} end`,
      approvedAt:
        sql<Date | null>`case when ${claims.status} = 'approved' then ${claims.approvedAt} end`.mapWith(
          claims.approvedAt,
        ),
      version: claims.version,
      articleId: articles.id,
      articleTitle: articles.title,
      outlet: articles.outlet,
      publishedOn: articles.publishedOn,
      importedAt: articles.createdAt,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(eq(claims.trackedClaimId, id))
    .orderBy(
      asc(sql`coalesce(${articles.publishedOn}, ${articles.createdAt}::date)`),
      asc(articles.createdAt),
      asc(claims.start),
    );

  const ids = appearances.map((a) => a.id);
  const history =
    ids.length === 0
      ? []
      : await db
          .select({
            id: verdicts.id,
            claimId: verdicts.claimId,
            rating: verdicts.rating,
            rationale: verdicts.rationale,
            state: verdicts.state,
            reused: sql<boolean>`${verdicts.reusedFromId} is not null`,
            createdAt: verdicts.createdAt,
            approvedAt: verdicts.approvedAt,
            proposedByName: proposer.name,
            approvedByName: approver.name,
          })
          .from(verdicts)
          .leftJoin(proposer, eq(proposer.id, verdicts.proposedBy))
          .leftJoin(approver, eq(approver.id, verdicts.approvedBy))
          .where(inArray(verdicts.claimId, ids))
          .orderBy(desc(verdicts.createdAt), desc(verdicts.id));
  const where = new Map(appearances.map((a) => [a.id, a]));
  const verdictHistory = history.map((v) => ({
    ...v,
    articleId: where.get(v.claimId)?.articleId ?? null,
    articleTitle: where.get(v.claimId)?.articleTitle ?? null,
  }));

  const approved = appearances
    .filter((a): a is typeof a & { rating: Rating; approvedAt: Date } => a.rating !== null)
    .sort((a, b) => (b.approvedAt?.getTime() ?? 0) - (a.approvedAt?.getTime() ?? 0));
  const latest = approved[0] ?? null;
  const distinct = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));
  return {
    tracked,
    appearances,
    outlets: distinct(appearances.map((a) => a.outlet)),
    speakers: distinct(appearances.map((a) => a.speaker)),
    verdictHistory,
    currentRating: latest
      ? { rating: latest.rating, approvedAt: latest.approvedAt, claimId: latest.id }
      : null,
    inconsistent: isInconsistent(approved),
    approvedRatings: distinct(approved.map((a) => a.rating)) as Rating[],
    can: { edit: can(ctx.actor.role, "tracked.edit") },
  };
}
export type TrackedClaimView = Awaited<ReturnType<typeof getTrackedClaim>>;
