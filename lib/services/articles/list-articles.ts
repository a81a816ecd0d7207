import { and, desc, eq, ilike, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { articles, claims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";

export const listArticlesSchema = z.object({
  q: z.string().trim().max(200).optional(),
  /** Keyset cursor: "<created_at ISO>|<id>" of the last row of the previous page. */
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export interface ArticleListRow {
  id: string;
  title: string;
  outlet: string | null;
  publishedOn: string | null;
  publishedApproximate: boolean;
  createdAt: Date;
  counts: {
    total: number;
    open: number;
    inReview: number;
    pending: number;
    approved: number;
    dismissed: number;
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listArticles(
  ctx: Ctx,
  input: unknown,
): Promise<{ rows: ArticleListRow[]; next: string | null }> {
  requirePermission(ctx.user, "articles.read");
  const { q, after, limit } = parseInput(listArticlesSchema, input);
  const conditions = [];
  if (q) conditions.push(ilike(articles.title, `%${escapeLike(q)}%`));
  if (after) {
    const [at, id] = after.split("|");
    const date = new Date(at ?? "");
    if (!Number.isNaN(date.getTime()) && id && /^[0-9a-f-]{36}$/i.test(id)) {
      conditions.push(
        or(lt(articles.createdAt, date), and(eq(articles.createdAt, date), lt(articles.id, id))),
      );
    }
  }
  const counted = (status: string) =>
    sql<number>`count(${claims.id}) filter (where ${claims.status} = ${status})::int`;
  const rows = await ctx.db
    .select({
      id: articles.id,
      title: articles.title,
      outlet: articles.outlet,
      publishedOn: articles.publishedOn,
      publishedApproximate: articles.publishedApproximate,
      createdAt: articles.createdAt,
      total: sql<number>`count(${claims.id})::int`,
      open: counted("open"),
      inReview: counted("in_review"),
      pending: counted("pending_approval"),
      approved: counted("approved"),
      dismissed: counted("dismissed"),
    })
    .from(articles)
    .leftJoin(claims, eq(claims.articleId, articles.id))
    .where(conditions.length ? and(...conditions) : undefined)
    .groupBy(articles.id)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ total, open, inReview, pending, approved, dismissed, ...rest }) => ({
      ...rest,
      counts: { total, open, inReview, pending, approved, dismissed },
    })),
    next: rows.length > limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}
