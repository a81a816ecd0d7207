import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { stripBidiControls } from "@/lib/bidi";
import { claimReviewForScript } from "@/lib/reports/render-claimreview";
import { getPublishedReport } from "@/lib/services/reports/get-published-report";
import { ReportView } from "../../_components/report-view";

const load = cache(async (token: string) => getPublishedReport(await getDb(), token));

export async function generateMetadata({
  params,
}: {
  params: Promise<{ token: string }>;
}): Promise<Metadata> {
  const model = await load((await params).token);
  // A <title> is text only, so bidirectional controls are stripped there (lib/bidi.ts).
  return {
    title: model ? `Fact-check: ${stripBidiControls(model.article.title)}` : "Page not found",
  };
}

/** The public report: no sign-in, the snapshot taken when it was published. */
export default async function PublicReportPage({ params }: { params: Promise<{ token: string }> }) {
  const model = await load((await params).token);
  if (!model) notFound();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <main id="main" className="px-4 py-6">
      <script
        type="application/ld+json"
        nonce={nonce}
        // A data block, not executed; claimReviewForScript escapes < > & so no text inside can
        // end the element. This is the one place markup is set directly, and it holds only JSON.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped JSON-LD, see above
        dangerouslySetInnerHTML={{ __html: claimReviewForScript(model) }}
      />
      <ReportView model={model} />
    </main>
  );
}
