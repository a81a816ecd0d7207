import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { listArticles } from "@/lib/services/articles/list-articles";
import { EmptyState } from "../../_components/empty-state";
import { Table, Td, Th } from "../../_components/table";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageCtx("/articles");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : undefined;
  const after = typeof params.after === "string" ? params.after : undefined;
  const { rows, next } = await listArticles(ctx, { q, after });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">Articles</h1>
        <search>
          <form className="flex gap-2" action="/articles">
            <label htmlFor="article-search" className="sr-only">
              Search articles by title
            </label>
            <input
              id="article-search"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="Search by title"
              className="rounded-md border border-line bg-paper px-3 py-2"
            />
            <button
              type="submit"
              className="rounded-md border border-line bg-paper px-3 py-2 text-sm"
            >
              Search
            </button>
          </form>
        </search>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={q ? "No articles match that search" : "No articles yet"}>
          {q
            ? "Try another word from the title."
            : "Articles you import appear here with their claims."}
        </EmptyState>
      ) : (
        <Table caption="Articles, newest first">
          <thead>
            <tr>
              <Th>Title</Th>
              <Th>Outlet</Th>
              <Th>Published</Th>
              <Th className="text-right">Claims</Th>
              <Th>Progress</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((article) => {
              const done = article.counts.approved + article.counts.dismissed;
              const share = article.counts.total
                ? Math.round((done / article.counts.total) * 100)
                : 0;
              return (
                <tr key={article.id}>
                  <Td>
                    <Link
                      href={`/articles/${article.id}`}
                      className="font-medium text-accent underline-offset-2 hover:underline"
                    >
                      {article.title}
                    </Link>
                  </Td>
                  <Td>{article.outlet ?? "—"}</Td>
                  <Td>
                    {article.publishedOn ? (
                      <>
                        {article.publishedApproximate ? "about " : ""}
                        {article.publishedOn}
                      </>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">{article.counts.total}</Td>
                  <Td>
                    <div className="flex items-center gap-2">
                      <progress
                        value={done}
                        max={Math.max(1, article.counts.total)}
                        aria-label={`${share}% of claims done`}
                        className="h-2 w-24"
                      />
                      <span className="text-xs tabular-nums text-muted">{share}%</span>
                    </div>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {next ? (
        <nav aria-label="Pages" className="flex justify-end">
          <Link
            href={`/articles?${new URLSearchParams({ ...(q ? { q } : {}), after: next })}`}
            className="text-accent underline"
          >
            Older articles
          </Link>
        </nav>
      ) : null}
    </div>
  );
}
