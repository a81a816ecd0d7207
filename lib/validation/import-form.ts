import { ValidationError } from "@/lib/errors";

// Multipart framing and the metadata fields on top of the text itself.
const FORM_OVERHEAD = 64 * 1024;

const NOT_MULTIPART =
  "Send the article as a multipart form (multipart/form-data) with a title and a text or file field.";
const UNREADABLE = "The form could not be read: the multipart body is empty or broken.";

/** What the import route passes to importArticle, read from the request's form. */
export interface ImportFormInput {
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  publishedOn?: string;
  publishedApproximate: boolean;
  text?: string;
  file?: { name: string; bytes: Uint8Array };
}

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

/**
 * Reads the import form. Whatever is not a readable multipart form of an allowed size is refused
 * with one line (415 for another content type, 413 when too large, 400 when empty or broken), so
 * no request body can make the route fail with a 500.
 */
export async function readImportForm(request: Request, maxBytes: number): Promise<ImportFormInput> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") throw new ValidationError(NOT_MULTIPART, {}, 415);
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length) || length > maxBytes + FORM_OVERHEAD) {
    const message = `The upload is larger than the limit of ${Math.round(maxBytes / 1000)} KB.`;
    throw new ValidationError(message, { file: [message] }, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ValidationError(UNREADABLE);
  }
  const file = form.get("file");
  const upload =
    file instanceof File && file.size > 0
      ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
      : undefined;
  return {
    title: field(form, "title"),
    outlet: field(form, "outlet"),
    author: field(form, "author"),
    url: field(form, "url"),
    publishedOn: field(form, "publishedOn"),
    publishedApproximate: field(form, "publishedApproximate") === "true",
    text: upload ? undefined : field(form, "text"),
    file: upload,
  };
}
