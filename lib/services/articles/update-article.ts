import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { articleMetaColumns, articles } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { staleWriteError } from "@/lib/services/conflict";
import type { Ctx } from "@/lib/services/context";
import { updateArticleSchema } from "@/lib/validation/articles";
import { parseInput } from "@/lib/validation/parse";
import { articleMetaValues } from "./store-article";

const metaColumns = {
  ...articleMetaColumns,
  version: articles.version,
  updatedAt: articles.updatedAt,
};

export async function readArticleMeta(db: Executor, articleId: string) {
  const [row] = await db.select(metaColumns).from(articles).where(eq(articles.id, articleId));
  return row ?? null;
}
/** An article's details at a version, as the edit form reads and the audit row records them. */
export type ArticleMetaRow = NonNullable<Awaited<ReturnType<typeof readArticleMeta>>>;

/** The conflict raised when an article changed since the user read it, naming who changed it. */
export async function staleArticleError(tx: Executor, articleId: string) {
  const current = await readArticleMeta(tx, articleId);
  return staleWriteError(tx, { type: "article", id: articleId, label: "article" }, current);
}

function snapshot(row: ArticleMetaRow) {
  const { id: _id, updatedAt: _at, ...rest } = row;
  return rest;
}

/** Edits an article's metadata; the body, and so every claim offset, never changes here. */
export async function updateArticleMeta(ctx: Ctx, input: z.input<typeof updateArticleSchema>) {
  requirePermission(ctx.actor, "articles.edit");
  const data = parseInput(updateArticleSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await readArticleMeta(tx, data.articleId);
    if (!before) throw new NotFoundError("article");
    const [updated] = await tx
      .update(articles)
      .set({
        ...articleMetaValues(data),
        updatedAt: new Date(),
        version: sql`${articles.version} + 1`,
      })
      .where(and(eq(articles.id, data.articleId), eq(articles.version, data.version)))
      .returning(metaColumns);
    if (!updated) throw await staleArticleError(tx, data.articleId);
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "article.update",
      entityType: "article",
      entityId: updated.id,
      articleId: updated.id,
      before: snapshot(before),
      after: snapshot(updated),
    });
    return updated;
  });
}
