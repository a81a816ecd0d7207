import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePageCtx } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getReport } from "@/lib/services/reports/get-report";
import { baseUrlFrom } from "@/lib/services/reports/urls";
import { ExportMenu } from "../../../../_components/export-menu";
import { ReportView } from "../../../../_components/report-view";
import { PrintButton } from "./print-button";
import { PublishControls } from "./publish-controls";

export const metadata: Metadata = { title: "Fact-check report" };

export default async function ReportPage({ params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  const ctx = await requirePageCtx(`/articles/${articleId}/report`, "reports.export");
  const baseUrl = baseUrlFrom(await headers(), getEnv().PUBLIC_URL);
  const view = await getReport(ctx, { articleId }, { baseUrl });
  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link href={`/articles/${articleId}`} className="text-sm text-accent underline">
          Back to the article
        </Link>
        <div className="flex-1" />
        <PrintButton />
        <ExportMenu articleId={articleId} />
      </div>
      {can(ctx.actor.role, "reports.publish") ? (
        <div className="no-print">
          <PublishControls
            articleId={articleId}
            publication={
              view.publication
                ? {
                    url: view.publication.url,
                    publishedAt: view.publication.publishedAt.toISOString(),
                  }
                : null
            }
            openClaims={view.openClaims}
            approvedClaims={view.approvedClaims}
          />
        </div>
      ) : null}
      <ReportView model={view.model} />
    </div>
  );
}
