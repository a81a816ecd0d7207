import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePageCtx } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { type ArticleListRow, listArticles } from "@/lib/services/articles/list-articles";
import { ARTICLE_SORTS, type ArticleSort } from "@/lib/validation/articles";
import { buttonClass } from "../../_components/button";
import { EmptyState } from "../../_components/empty-state";
import { InputField, SelectField } from "../../_components/field";
import { Table, Td } from "../../_components/table";

export const metadata: Metadata = { title: "Articles" };

const SORT_LABEL: Record<ArticleSort, string> = {
  newest: "Newest imported",
  oldest: "Oldest imported",
  title: "Title A–Z",
  published: "Newest published",
};

const STATUS_COUNTS: { key: keyof ArticleListRow["counts"]; label: string }[] = [
  { key: "open", label: "open" },
  { key: "inReview", label: "in review" },
  { key: "pending", label: "pending" },
  { key: "approved", label: "approved" },
  { key: "dismissed", label: "dismissed" },
];

export default async function ArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageCtx("/articles");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : undefined;
  const after = typeof params.after === "string" ? params.after : undefined;
  // Any other value is read as the default order (listArticlesSchema).
  const sortParam = typeof params.sort === "string" ? (params.sort as ArticleSort) : undefined;
  let searchError: string | null = null;
  const listed = await listArticles(ctx, { q, after, sort: sortParam }).catch((error: unknown) => {
    if (!(error instanceof ValidationError)) throw error;
    // A hand-edited search (too long, control characters): say so and list without it.
    searchError = error.fieldErrors.q?.[0] ?? error.message;
    return listArticles(ctx, { sort: sortParam });
  });
  const { rows, next, sort } = listed;
  const keep = { ...(q ? { q } : {}), ...(sort !== "newest" ? { sort } : {}) };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">Articles</h1>
        {can(ctx.actor.role, "articles.import") ? (
          <Link href="/articles/new" className={buttonClass("primary")}>
            Import an article
          </Link>
        ) : null}
      </div>
      <search>
        <form className="flex flex-wrap items-end gap-2" action="/articles">
          <InputField
            label="Search by title"
            id="article-search"
            name="q"
            type="search"
            defaultValue={q}
            error={searchError ?? undefined}
          />
          <SelectField
            label="Sort"
            id="article-sort"
            name="sort"
            defaultValue={sort}
            options={ARTICLE_SORTS.map((value) => ({ value, label: SORT_LABEL[value] }))}
          />
          <button type="submit" className={buttonClass("secondary")}>
            Show
          </button>
        </form>
      </search>
      {rows.length === 0 ? (
        <EmptyState title={q ? "No articles match that search" : "No articles yet"}>
          {q
            ? "Try another word from the title."
            : "Articles you import appear here with their claims."}
        </EmptyState>
      ) : (
        <Table
          caption={`Articles, ${SORT_LABEL[sort].toLowerCase()}`}
          columns={["Title", "Outlet", "Published", "Claims", "Progress"]}
        >
          {rows.map((article) => (
            <ArticleRow key={article.id} article={article} />
          ))}
        </Table>
      )}
      <nav aria-label="Pages" className="flex justify-between gap-4">
        {after ? (
          <Link href={`/articles?${new URLSearchParams(keep)}`} className="text-accent underline">
            First page
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link
            href={`/articles?${new URLSearchParams({ ...keep, after: next })}`}
            className="text-accent underline"
          >
            Next page
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

function ArticleRow({ article }: { article: ArticleListRow }) {
  const { counts } = article;
  const done = counts.approved + counts.dismissed;
  const share = counts.total ? Math.round((done / counts.total) * 100) : 0;
  return (
    <tr>
      <Td>
        <Link
          href={`/articles/${article.id}`}
          className="font-medium text-accent underline-offset-2 hover:underline"
        >
          {article.title}
        </Link>
      </Td>
      <Td>{article.outlet ?? "—"}</Td>
      <Td className="whitespace-nowrap">
        {article.publishedOn ? (
          <>
            {article.publishedApproximate ? "about " : ""}
            {article.publishedOn}
          </>
        ) : (
          "—"
        )}
      </Td>
      <Td>
        <span className="font-medium tabular-nums">{counts.total}</span>
        <ul className="text-xs text-muted" aria-label="Claims by status">
          {STATUS_COUNTS.filter((s) => counts[s.key] > 0).map((s) => (
            <li key={s.key} className="tabular-nums">
              {counts[s.key]} {s.label}
            </li>
          ))}
        </ul>
      </Td>
      <Td>
        <div className="flex items-center gap-2">
          <progress
            value={done}
            max={Math.max(1, counts.total)}
            aria-label={`${share}% of claims approved or dismissed`}
            className="h-2 w-24"
          />
          <span className="text-xs tabular-nums text-muted">{share}%</span>
        </div>
      </Td>
    </tr>
  );
}
