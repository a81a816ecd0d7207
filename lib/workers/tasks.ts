/**
 * The tasks that run on the worker threads of lib/workers/pool.ts: each takes and returns plain
 * data (structured clone), never a database handle. Errors a user should see come back as values,
 * because a thrown AppError loses its class on the way to the main thread.
 */
import { Piscina } from "piscina";
import type { ExtractOptions } from "@/lib/claims";
import { ValidationError } from "@/lib/errors";
import type { ReportModel } from "@/lib/reports/model";
import type { PreparedClaims } from "@/lib/services/articles/store-article";
import type { FormParts } from "@/lib/validation/import-form";

export type TaskResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * The report model arrives as UTF-8 JSON (lib/reports/index.ts); the bidi controls are stripped
 * here, as for every plain-text format.
 */
export async function renderPdf(json: Uint8Array): Promise<Uint8Array> {
  const { renderPdf: render } = await import("@/lib/reports/render-pdf");
  const { withoutBidiControls } = await import("@/lib/reports/model");
  const model = JSON.parse(new TextDecoder().decode(json)) as ReportModel;
  const pdf = await render(withoutBidiControls(model));
  // Handed over, not copied: a large report is megabytes.
  const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  return Piscina.move(bytes.slice()) as unknown as Uint8Array;
}

export async function readUpload(input: {
  name: string;
  bytes: Uint8Array;
  maxBytes: number;
}): Promise<TaskResult<string>> {
  const { readUpload: read } = await import("@/lib/services/articles/read-upload");
  try {
    return { ok: true, value: read({ name: input.name, bytes: input.bytes }, input.maxBytes) };
  } catch (error) {
    if (error instanceof ValidationError) {
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors ?? {} };
    }
    throw error;
  }
}

/**
 * A multipart form body parsed here rather than on the request thread (undici's parser took
 * 90–300 ms for 2 MB there). Only the first file counts, as the import form has one.
 */
export async function parseForm(input: {
  bytes: Uint8Array;
  contentType: string;
}): Promise<FormParts | null> {
  const { parseFormHere } = await import("@/lib/validation/import-form");
  return parseFormHere(input.bytes, input.contentType);
}

/** The claims of an article body, checked against it and ready to store (prepareClaims). */
export async function extractArticleClaims(input: {
  body: string;
  options: ExtractOptions;
}): Promise<PreparedClaims> {
  const { extractArticleClaims: extract } = await import("@/lib/services/articles/extract-article");
  const { prepareClaims } = await import("@/lib/services/articles/store-article");
  const { extractClaims } = await import("@/lib/claims");
  return prepareClaims(input.body, extract(input.body, input.options, extractClaims));
}
