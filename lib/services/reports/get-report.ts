import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { buildReportModel, type ReportModel } from "@/lib/reports/model";
import type { Ctx } from "@/lib/services/context";
import { parseOrNotFound } from "@/lib/validation/parse";
import { reportArticleSchema } from "@/lib/validation/reports";
import { findActivePublication, loadReportInput } from "./load-report";
import { internalReportUrl, publicReportUrl } from "./urls";

export interface ReportView {
  model: ReportModel;
  publication: { token: string; url: string; publishedAt: Date } | null;
  /** Claims neither approved nor dismissed: publishing waits for them. */
  openClaims: number;
  approvedClaims: number;
}

/** The live report of an article for a signed-in user (any role may export). */
export async function getReport(
  ctx: Ctx,
  input: z.input<typeof reportArticleSchema>,
  options: { baseUrl: string; now?: Date },
): Promise<ReportView> {
  requirePermission(ctx.actor, "reports.export");
  // A malformed id answers like an unknown article.
  const { articleId } = parseOrNotFound(reportArticleSchema, input, "article");
  const data = await loadReportInput(ctx.db, articleId);
  if (!data) throw new NotFoundError("article");
  const live = await findActivePublication(ctx.db, articleId);
  const publication = live
    ? {
        token: live.token,
        url: publicReportUrl(options.baseUrl, live.token),
        publishedAt: live.publishedAt,
      }
    : null;
  const model = buildReportModel(data, {
    organization: getEnv().ORGANIZATION_NAME,
    generatedAt: options.now ?? new Date(),
    reportUrl: publication?.url ?? internalReportUrl(options.baseUrl, articleId),
    publication,
  });
  return {
    model,
    publication,
    openClaims: data.claims.filter((c) => c.status !== "approved" && c.status !== "dismissed")
      .length,
    approvedClaims: data.claims.filter((c) => c.status === "approved").length,
  };
}
