import type { NextRequest } from "next/server";
import { problemResponse } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { renderReport } from "@/lib/reports";
import { getReport } from "@/lib/services/reports/get-report";
import { baseUrlFrom } from "@/lib/services/reports/urls";
import { parseInput } from "@/lib/validation/parse";
import { reportFormatSchema } from "@/lib/validation/reports";

/** GET /api/articles/:id/report?format=html|pdf|md|csv|json|claimreview — a download. */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ articleId: string }> },
): Promise<Response> {
  try {
    const ctx = await requireCtx();
    const { articleId } = await params;
    // A malformed id answers like an unknown article (getReport); a wrong format says what is accepted.
    const format = parseInput(
      reportFormatSchema,
      request.nextUrl.searchParams.get("format") ?? "html",
    );
    const { model } = await getReport(
      ctx,
      { articleId },
      { baseUrl: baseUrlFrom(request.headers, getEnv().PUBLIC_URL) },
    );
    const report = await renderReport(model, format);
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
    return problemResponse(error);
  }
}
