import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { articles, claims, comments, users, verdicts } from "@/db/schema";
import { can, requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { queryDueRechecks, todayUtc } from "./due-rechecks";

const returner = alias(users, "returner");
const proposer = alias(users, "proposer");

const claimLink = {
  claimId: claims.id,
  articleId: claims.articleId,
  articleTitle: articles.title,
  text: claims.text,
  status: claims.status,
  version: claims.version,
};

/** Open claims nobody holds yet, oldest article first, shown so anyone can pick up work. */
export const OPEN_CLAIMS_LIMIT = 100;

/**
 * The signed-in user's queue: their work, returns, mentions, for editors approvals, and for
 * everyone the approved claims due for re-check (a desk-wide list: reviewers set dates too).
 */
export async function getMyQueue(ctx: Ctx, options: { now?: Date } = {}) {
  requirePermission(ctx.actor, "articles.read");
  const me = ctx.actor.id;
  const db = ctx.db;
  // A claim is "returned" while its latest verdict is the returned one.
  const latestVerdictIsThis = sql`not exists (select 1 from ${verdicts} newer where newer.claim_id = ${verdicts.claimId} and newer.created_at > ${verdicts.createdAt})`;

  const [assigned, approved, returned, mentions, waiting, open, due] = await Promise.all([
    db
      .select({ ...claimLink, updatedAt: claims.updatedAt })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(
        and(
          eq(claims.assigneeId, me),
          inArray(claims.status, ["open", "in_review", "pending_approval"]),
        ),
      )
      .orderBy(asc(claims.updatedAt)),
    db
      .select({ ...claimLink, rating: claims.rating, approvedAt: claims.approvedAt })
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(and(eq(claims.assigneeId, me), eq(claims.status, "approved")))
      .orderBy(desc(claims.approvedAt))
      .limit(20),
    db
      .select({
        ...claimLink,
        note: verdicts.returnNote,
        returnedAt: verdicts.returnedAt,
        returnedByName: returner.name,
      })
      .from(verdicts)
      .innerJoin(claims, eq(claims.id, verdicts.claimId))
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .leftJoin(returner, eq(returner.id, verdicts.returnedBy))
      .where(
        and(
          eq(verdicts.state, "returned"),
          eq(claims.assigneeId, me),
          eq(claims.status, "in_review"),
          latestVerdictIsThis,
        ),
      )
      .orderBy(asc(verdicts.returnedAt)),
    db
      .select({
        ...claimLink,
        commentId: comments.id,
        body: comments.body,
        createdAt: comments.createdAt,
        authorName: users.name,
      })
      .from(comments)
      .innerJoin(claims, eq(claims.id, comments.claimId))
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(sql`${comments.mentions} @> array[${me}]::uuid[]`)
      .orderBy(desc(comments.createdAt))
      .limit(30),
    can(ctx.actor.role, "verdicts.approve")
      ? db
          .select({
            ...claimLink,
            rating: verdicts.rating,
            proposedAt: verdicts.createdAt,
            proposedByName: proposer.name,
            proposedByMe: sql<boolean>`${verdicts.proposedBy} = ${me}`,
          })
          .from(verdicts)
          .innerJoin(claims, eq(claims.id, verdicts.claimId))
          .innerJoin(articles, eq(articles.id, claims.articleId))
          .leftJoin(proposer, eq(proposer.id, verdicts.proposedBy))
          .where(and(eq(verdicts.state, "proposed"), eq(claims.status, "pending_approval")))
          .orderBy(asc(verdicts.createdAt))
      : Promise.resolve([]),
    db
      .select(claimLink)
      .from(claims)
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(and(eq(claims.status, "open"), isNull(claims.assigneeId)))
      // Oldest articles first, like approvals: the work that has waited longest comes up first.
      .orderBy(asc(articles.createdAt), asc(claims.articleId), asc(claims.start))
      .limit(OPEN_CLAIMS_LIMIT),
    queryDueRechecks(db, { today: todayUtc(options.now) }),
  ]);

  return {
    assigned,
    approved,
    returned,
    mentions,
    waiting: waiting.map((w) => ({ ...w, proposedByMe: Boolean(w.proposedByMe) })),
    open,
    due,
    isEditor: can(ctx.actor.role, "verdicts.approve"),
  };
}

export type MyQueue = Awaited<ReturnType<typeof getMyQueue>>;
