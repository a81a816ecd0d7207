import { problemResponse } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { exportClaimsCsv } from "@/lib/services/claim-list/export-claims";

/** The claim list's CSV: the same filters as the page, from the query string. */
export async function GET(request: Request) {
  try {
    const ctx = await requireCtx();
    const url = new URL(request.url);
    const input: Record<string, string> = {};
    for (const [name, value] of url.searchParams) {
      // Checkbox lists arrive as repeated parameters; the schema reads them comma-separated.
      input[name] = input[name] ? `${input[name]},${value}` : value;
    }
    delete input.after;
    delete input.limit;
    const stream = exportClaimsCsv(ctx, input);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="claims-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    // A role that may not export hears the same as for a page that does not exist.
    return problemResponse(error instanceof ForbiddenError ? new NotFoundError("page") : error);
  }
}
