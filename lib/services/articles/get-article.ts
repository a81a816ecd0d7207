import { asc, desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import {
  articleMetaColumns,
  articles,
  auditEntryColumns,
  auditEvents,
  claims,
  claimTextColumns,
  users,
} from "@/db/schema";
import { can, requirePermission } from "@/lib/auth/permissions";
import { claimPriority } from "@/lib/claims/priority";
import { NotFoundError } from "@/lib/errors";
import { editorChanges } from "@/lib/services/claims/claim-rules";
import type { Ctx } from "@/lib/services/context";
import { checkedBeforeIn } from "@/lib/services/tracking/checked-before";
import { articleIdSchema } from "@/lib/validation/articles";
import { parseOrNotFound } from "@/lib/validation/parse";

/** An article with its claims in text order, as the article page shows them. */
export async function getArticleView(ctx: Ctx, articleId: z.input<typeof articleIdSchema>) {
  requirePermission(ctx.actor, "articles.read");
  const id = parseOrNotFound(articleIdSchema, articleId, "article");
  const [article] = await ctx.db
    .select({
      ...articleMetaColumns,
      body: articles.body,
      version: articles.version,
      createdAt: articles.createdAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(eq(articles.id, id));
  if (!article) throw new NotFoundError("article");
  const [rows, checked] = await Promise.all([
    ctx.db
      .select({
        ...claimTextColumns,
        score: claims.score,
        origin: claims.origin,
        dismissReason: claims.dismissReason,
        rating: claims.rating,
        speakerRole: claims.speakerRole,
        version: claims.version,
        assigneeId: claims.assigneeId,
        assigneeName: users.name,
      })
      .from(claims)
      .leftJoin(users, eq(users.id, claims.assigneeId))
      .where(eq(claims.articleId, id))
      .orderBy(asc(claims.start), asc(claims.end), asc(claims.id)),
    checkedBeforeIn(ctx.db, id),
  ]);
  const checkedBefore = new Map(checked.map((c) => [c.claimId, c]));
  return {
    article,
    // What the claim editor offers for each claim is what the services would accept from this
    // user now (lib/services/claims/claim-rules.ts).
    claims: rows.map((claim) => ({
      ...claim,
      priority: claimPriority(claim),
      ...editorChanges(ctx.actor, claim),
      /** An approved claim elsewhere that this one repeats ("Checked before: False, …"). */
      checkedBefore: checkedBefore.get(claim.id) ?? null,
    })),
    can: {
      edit: can(ctx.actor.role, "articles.edit"),
      editClaims: can(ctx.actor.role, "claims.edit"),
      delete: can(ctx.actor.role, "articles.delete"),
    },
  };
}
export type ArticleView = Awaited<ReturnType<typeof getArticleView>>;
export type ArticleViewClaim = ArticleView["claims"][number];

/** The article's change history, newest first: its own changes and its claims'. */
export async function listArticleHistory(
  ctx: Ctx,
  articleId: z.input<typeof articleIdSchema>,
  limit = 200,
) {
  requirePermission(ctx.actor, "articles.read");
  const id = parseOrNotFound(articleIdSchema, articleId, "article");
  const actor = alias(users, "actor");
  return ctx.db
    .select({
      ...auditEntryColumns,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      claimId: auditEvents.claimId,
      actorName: actor.name,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .where(or(eq(auditEvents.articleId, id), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
export type HistoryRow = Awaited<ReturnType<typeof listArticleHistory>>[number];
