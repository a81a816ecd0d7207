import { and, eq, ilike, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { articles, claims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { ARTICLE_SORTS, type ArticleSort } from "@/lib/validation/articles";
import { isUuid } from "@/lib/validation/ids";
import { parseInput } from "@/lib/validation/parse";
import { singleLineText } from "@/lib/validation/text";

export const listArticlesSchema = z.object({
  q: singleLineText().max(200).optional(),
  sort: z.enum(ARTICLE_SORTS).optional().catch(undefined),
  /** Keyset cursor: the sort key and id of the last row of the previous page (opaque). */
  after: z.string().max(400).optional(),
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

interface SortSpec {
  /** The sort key as text, exact to the microsecond, so a cursor never skips a row. */
  key: SQL<string>;
  /** The key again in its own type, for ordering and comparing. */
  column: SQL;
  cast: "timestamptz" | "text" | "date";
  direction: "asc" | "desc";
}

const SORTS: Record<ArticleSort, SortSpec> = {
  newest: {
    key: sql<string>`${articles.createdAt}::text`,
    column: sql`${articles.createdAt}`,
    cast: "timestamptz",
    direction: "desc",
  },
  oldest: {
    key: sql<string>`${articles.createdAt}::text`,
    column: sql`${articles.createdAt}`,
    cast: "timestamptz",
    direction: "asc",
  },
  title: {
    key: sql<string>`lower(${articles.title})`,
    column: sql`lower(${articles.title})`,
    cast: "text",
    direction: "asc",
  },
  // Undated articles sort last among the newest-published first.
  published: {
    key: sql<string>`coalesce(${articles.publishedOn}, '0001-01-01'::date)::text`,
    column: sql`coalesce(${articles.publishedOn}, '0001-01-01'::date)`,
    cast: "date",
    direction: "desc",
  },
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id]), "utf8").toString("base64url");
}

/** PostgreSQL's text form of a timestamptz and of a date, as the keys are written. */
const TIMESTAMPTZ_TEXT =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)([+-]\d{2})(:\d{2})?$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a cursor key can be cast as the sort's column: a bad one would fail the query. */
function isSortKey(key: string, cast: SortSpec["cast"]): boolean {
  if (cast === "text") return !key.includes("\u0000");
  if (cast === "date") {
    return DATE_TEXT.test(key) && new Date(`${key}T00:00:00Z`).toISOString().slice(0, 10) === key;
  }
  const match = TIMESTAMPTZ_TEXT.exec(key);
  return (
    match !== null &&
    !Number.isNaN(Date.parse(`${match[1]}T${match[2]}${match[3]}${match[4] ?? ":00"}`))
  );
}

function decodeCursor(cursor: string, cast: SortSpec["cast"]): [string, string] | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(value) &&
      typeof value[0] === "string" &&
      isSortKey(value[0], cast) &&
      isUuid(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // A cursor someone edited by hand: start from the first page.
  }
  return null;
}

/** Articles with claim counts by status, searched by title, sorted, paginated by keyset. */
export async function listArticles(
  ctx: Ctx,
  input: z.input<typeof listArticlesSchema>,
): Promise<{ rows: ArticleListRow[]; next: string | null; sort: ArticleSort }> {
  requirePermission(ctx.actor, "articles.read");
  const { q, after, limit, sort = "newest" } = parseInput(listArticlesSchema, input);
  const spec = SORTS[sort];
  const conditions: SQL[] = [];
  if (q) conditions.push(ilike(articles.title, `%${escapeLike(q)}%`) as SQL);
  const cursor = after ? decodeCursor(after, spec.cast) : null;
  if (cursor) {
    const cast = sql.raw(spec.cast);
    const op = sql.raw(spec.direction === "desc" ? "<" : ">");
    conditions.push(
      sql`(${spec.column}, ${articles.id}) ${op} (${cursor[0]}::${cast}, ${cursor[1]}::uuid)`,
    );
  }
  const counted = (status: string) =>
    sql<number>`count(${claims.id}) filter (where ${claims.status} = ${status})::int`;
  const dir = sql.raw(spec.direction);
  const rows = await ctx.db
    .select({
      id: articles.id,
      title: articles.title,
      outlet: articles.outlet,
      publishedOn: articles.publishedOn,
      publishedApproximate: articles.publishedApproximate,
      createdAt: articles.createdAt,
      sortKey: spec.key,
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
    .orderBy(sql`${spec.column} ${dir}`, sql`${articles.id} ${dir}`)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(
      ({ total, open, inReview, pending, approved, dismissed, sortKey: _key, ...rest }) => ({
        ...rest,
        counts: { total, open, inReview, pending, approved, dismissed },
      }),
    ),
    next: rows.length > limit && last ? encodeCursor(last.sortKey, last.id) : null,
    sort,
  };
}
