import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePageCtx } from "@/lib/auth/session";
import { getArticleView, listArticleHistory } from "@/lib/services/articles/get-article";
import { getBulkAssignOptions } from "@/lib/services/workflow/bulk-assign-options";
import { claimFilterSchema } from "@/lib/validation/claims";
import { ExportMenu } from "../../../_components/export-menu";
import { BackToArticles } from "../back-to-articles";
import { ArticleHeader } from "./article-header";
import { ArticleWorkspace } from "./article-workspace";
import { BulkAssign } from "./bulk-assign/bulk-assign";
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
  // An unknown article throws NotFoundError, which not-found.tsx answers (404).
  const view = await getArticleView(ctx, articleId);
  const [history, bulk] = await Promise.all([
    listArticleHistory(ctx, articleId),
    can(ctx.actor.role, "claims.assign") ? getBulkAssignOptions(ctx, articleId) : null,
  ]);
  const filters = claimFilterSchema.parse({
    kind: query.kind,
    status: query.status,
    priority: query.priority,
  });
  const claimId = typeof query.claim === "string" ? query.claim : null;
  return (
    <div className="space-y-6">
      <BackToArticles />
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
        toolbar={
          <div className="flex flex-wrap items-center gap-2">
            {bulk ? <BulkAssign articleId={articleId} {...bulk} /> : null}
            <Link
              href={`/articles/${articleId}/report`}
              className="rounded-md border border-line bg-paper px-3 py-2 text-sm"
            >
              Report
            </Link>
            <ExportMenu articleId={articleId} />
          </div>
        }
      />
      <HistoryList
        rows={history}
        articleId={view.article.id}
        claimIds={new Set(view.claims.map((c) => c.id))}
      />
    </div>
  );
}
