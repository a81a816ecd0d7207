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

/** The form's text fields (first of each name) and its first non-empty file. */
export interface FormParts {
  fields: Record<string, string>;
  file: { name: string; bytes: Uint8Array } | null;
}

/** Parses a multipart body; null when it is empty or broken. */
export type FormParser = (bytes: Uint8Array, contentType: string) => Promise<FormParts | null>;

/** On the calling thread; the import route passes one that runs on a worker thread instead. */
export const parseFormHere: FormParser = async (bytes, contentType) => {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), {
      headers: { "content-type": contentType },
    }).formData();
  } catch {
    return null;
  }
  const fields: Record<string, string> = {};
  let file: FormParts["file"] = null;
  for (const [name, value] of form) {
    if (typeof value === "string") fields[name] ??= value;
    else if (name === "file" && !file && value.size > 0) {
      file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
    }
  }
  return { fields, file };
};

/**
 * Reads the import form. Whatever is not a readable multipart form of an allowed size is refused
 * with one line (415 for another content type, 413 when too large, 400 when empty or broken), so
 * no request body can make the route fail with a 500.
 */
export async function readImportForm(
  request: Request,
  maxBytes: number,
  parse: FormParser = parseFormHere,
): Promise<ImportFormInput> {
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") throw new ValidationError(NOT_MULTIPART, {}, 415);
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length) || length > maxBytes + FORM_OVERHEAD) {
    const message = `The upload is larger than the limit of ${Math.round(maxBytes / 1000)} KB.`;
    throw new ValidationError(message, { file: [message] }, 413);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await request.arrayBuffer());
  } catch {
    throw new ValidationError(UNREADABLE);
  }
  const form = await parse(bytes, contentType);
  if (!form) throw new ValidationError(UNREADABLE);
  const { fields, file } = form;
  return {
    title: fields.title,
    outlet: fields.outlet,
    author: fields.author,
    url: fields.url,
    publishedOn: fields.publishedOn,
    publishedApproximate: fields.publishedApproximate === "true",
    text: file ? undefined : fields.text,
    file: file ?? undefined,
  };
}
