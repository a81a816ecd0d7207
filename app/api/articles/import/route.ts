import { revalidatePath } from "next/cache";
import { problemResponse } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/server/same-origin";
import { importArticle } from "@/lib/services/articles/import-article";
import { readImportForm } from "@/lib/validation/import-form";
import { runInWorker } from "@/lib/workers/pool";

export const dynamic = "force-dynamic";

/**
 * Imports pasted text or an uploaded file (multipart form). A route handler rather than a server
 * action so the page can report upload progress and the user can navigate elsewhere in the app
 * meanwhile (a pending server action holds the router). The work finishes on the server whether
 * or not anyone waits for the answer: the article and its claims are committed in one transaction.
 */
export async function POST(request: Request) {
  // Cross-site requests carry the session cookie too; only the app's own pages may post here.
  if (!isSameOrigin(request.headers, getEnv().TRUST_PROXY)) {
    return problemResponse(new ForbiddenError("Cross-site request refused."));
  }
  try {
    const ctx = await requireCtx();
    // Parsed on a worker thread: undici's multipart parser holds the thread 90–300 ms for 2 MB.
    const input = await readImportForm(request, getEnv().MAX_IMPORT_BYTES, (bytes, contentType) =>
      runInWorker("parseForm", { bytes, contentType }, [bytes.buffer as ArrayBuffer]),
    );
    const result = await importArticle(ctx, { ...input, title: input.title ?? "" });
    revalidatePath("/articles");
    return Response.json({ ok: true, data: result }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // A failure reads like an action's (ok, error, code, fieldErrors), as problem+json.
    return problemResponse(error);
  }
}
