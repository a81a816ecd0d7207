import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getArticleView, listArticleHistory } from "@/lib/services/articles/get-article";
import { claimFilterSchema } from "@/lib/validation/claims";
import { ArticleHeader } from "./article-header";
import { ArticleWorkspace } from "./article-workspace";
import { HistoryList } from "./history-list";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ articleId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { articleId } = await params;
  const ctx = await requirePageCtx(`/articles/${articleId}`);
  const query = await searchParams;
  let view: Awaited<ReturnType<typeof getArticleView>>;
  try {
    view = await getArticleView(ctx, articleId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const history = await listArticleHistory(ctx, articleId);
  const filters = claimFilterSchema.parse({ kind: query.kind, status: query.status });
  const claimId = typeof query.claim === "string" ? query.claim : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/articles" className="text-accent underline">
          ← Articles
        </Link>
      </p>
      <ArticleHeader
        article={view.article}
        claimCount={view.claims.length}
        canEdit={view.can.edit}
        canDelete={view.can.delete}
      />
      <ArticleWorkspace
        // A history link with ?claim= starts the workspace again on that claim.
        key={claimId ?? "none"}
        view={view}
        filters={filters}
        initialClaimId={claimId}
        // The lead mounts list-wide controls here (bulk assign, export menu).
        toolbar={null}
      />
      <HistoryList
        rows={history}
        articleId={view.article.id}
        claimIds={new Set(view.claims.map((c) => c.id))}
      />
    </div>
  );
}
