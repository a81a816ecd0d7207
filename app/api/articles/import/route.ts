import { revalidatePath } from "next/cache";
import { requireCtx } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError, toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { importArticle } from "@/lib/services/articles/import-article";
import { runInWorker } from "@/lib/workers/pool";

export const dynamic = "force-dynamic";

// Multipart framing and the metadata fields on top of the text itself.
const FORM_OVERHEAD = 64 * 1024;

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Cross-site requests carry the session cookie too; only the app's own pages may post here. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Imports pasted text or an uploaded file (multipart form). A route handler rather than a server
 * action so the page can report upload progress and the user can navigate elsewhere in the app
 * meanwhile (a pending server action holds the router). The work finishes on the server whether
 * or not anyone waits for the answer: the article and its claims are committed in one transaction.
 */
export async function POST(request: Request) {
  if (!sameOrigin(request)) {
    return json({ ok: false, error: "Cross-site request refused.", code: "forbidden" }, 403);
  }
  try {
    const ctx = await requireCtx();
    const maxBytes = getEnv().MAX_IMPORT_BYTES;
    const length = Number(request.headers.get("content-length") ?? Number.NaN);
    if (!Number.isFinite(length) || length > maxBytes + FORM_OVERHEAD) {
      const message = `The upload is larger than the limit of ${Math.round(maxBytes / 1000)} KB.`;
      return json(
        { ok: false, error: message, code: "validation", fieldErrors: { file: [message] } },
        413,
      );
    }
    // Parsed on a worker thread: undici's multipart parser holds the thread 90–300 ms for 2 MB.
    const bytes = new Uint8Array(await request.arrayBuffer());
    const parsed = await runInWorker(
      "parseForm",
      { bytes, contentType: request.headers.get("content-type") ?? "" },
      [bytes.buffer],
    );
    if (!parsed.ok) return json({ ok: false, error: parsed.message, code: "validation" }, 400);
    const { fields, file: upload } = parsed.value;
    const result = await importArticle(ctx, {
      title: fields.title,
      outlet: fields.outlet,
      author: fields.author,
      url: fields.url,
      publishedOn: fields.publishedOn,
      publishedApproximate: fields.publishedApproximate === "true",
      text: upload ? undefined : fields.text,
      file: upload ?? undefined,
    });
    revalidatePath("/articles");
    return json({ ok: true, data: result });
  } catch (error) {
    if (!(error instanceof AppError)) logger.error({ err: error }, "article import failed");
    const result = toActionError(error);
    const status = error instanceof AppError ? error.status : 500;
    return json(result, status);
  }
}
