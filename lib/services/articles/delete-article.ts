import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { articles, claims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { deleteArticleSchema } from "@/lib/validation/articles";
import { parseInput } from "@/lib/validation/parse";
import { readArticleMeta, staleArticleError } from "./update-article";

/**
 * Deletes an article; its claims go with it, and their sources, verdicts and comments with them
 * (foreign keys cascade). The audit row keeps what was deleted.
 */
export async function deleteArticle(ctx: Ctx, input: z.input<typeof deleteArticleSchema>) {
  requirePermission(ctx.actor, "articles.delete");
  const data = parseInput(deleteArticleSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await readArticleMeta(tx, data.articleId);
    if (!before) throw new NotFoundError("article");
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(claims)
      .where(eq(claims.articleId, data.articleId));
    const deleted = await tx
      .delete(articles)
      .where(and(eq(articles.id, data.articleId), eq(articles.version, data.version)))
      .returning({ id: articles.id });
    if (deleted.length === 0) throw await staleArticleError(tx, data.articleId);
    // The article row is gone, so the audit row names it by entity_id only.
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "article.delete",
      entityType: "article",
      entityId: data.articleId,
      before: { title: before.title, outlet: before.outlet, claims: count?.n ?? 0 },
    });
    return { id: data.articleId };
  });
}
