import type { NextRequest } from "next/server";
import { requireCtx } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { renderReport } from "@/lib/reports";
import { getReport } from "@/lib/services/reports/get-report";
import { baseUrlFrom } from "@/lib/services/reports/urls";
import { reportQuerySchema } from "@/lib/validation/reports";

function problem(status: number, message: string): Response {
  return Response.json(
    { error: message },
    { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } },
  );
}

/** GET /api/articles/:id/report?format=html|pdf|md|csv|json|claimreview — a download. */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ articleId: string }> },
): Promise<Response> {
  try {
    const ctx = await requireCtx();
    const { articleId } = await params;
    const query = reportQuerySchema.safeParse({
      articleId,
      format: request.nextUrl.searchParams.get("format") ?? "html",
    });
    if (!query.success) {
      // A malformed id answers like an unknown article; a wrong format says what is accepted.
      const badId = query.error.issues.some((issue) => issue.path[0] === "articleId");
      return badId
        ? problem(404, "That article does not exist or is not available to you.")
        : problem(400, query.error.issues[0]?.message ?? "Unknown format.");
    }
    const { model } = await getReport(
      ctx,
      { articleId: query.data.articleId },
      { baseUrl: baseUrlFrom(request.headers, getEnv().PUBLIC_URL) },
    );
    const report = await renderReport(model, query.data.format);
    const body = typeof report.body === "string" ? report.body : new Uint8Array(report.body);
    return new Response(body, {
      headers: {
        "Content-Type": report.contentType,
        // The name is ASCII letters, digits and dashes only, so it needs no quoting rules.
        "Content-Disposition": `attachment; filename="${report.fileName}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return problem(error.status, error.message);
    logger.error({ err: error }, "report download failed");
    return problem(500, "The report could not be made. Nothing was changed.");
  }
}
