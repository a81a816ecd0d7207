"use server";

import { headers } from "next/headers";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { makeAction } from "@/lib/server/action";
import type { Ctx } from "@/lib/services/context";
import { publishReport } from "@/lib/services/reports/publish-report";
import { revokeReport } from "@/lib/services/reports/revoke-report";
import { baseUrlFrom } from "@/lib/services/reports/urls";
import type { publishReportSchema } from "@/lib/validation/reports";

/** The report page; the verb has parsed the article id by the time this runs. */
const reportPage = (_: unknown, input: { articleId: string }) => [
  `/articles/${input.articleId}/report`,
];

async function publishHere(ctx: Ctx, input: z.input<typeof publishReportSchema>) {
  const baseUrl = baseUrlFrom(await headers(), getEnv().PUBLIC_URL);
  return publishReport(ctx, input, { baseUrl });
}

export const publishReportAction = makeAction(publishHere, {
  revalidate: reportPage,
  data: (published) => ({ url: published.url, corrections: published.corrections }),
});

export const revokeReportAction = makeAction(revokeReport, {
  revalidate: reportPage,
  data: () => ({ revoked: true }),
});
