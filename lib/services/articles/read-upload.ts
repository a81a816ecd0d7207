import { convert } from "html-to-text";
import { Parser } from "htmlparser2";
import { ValidationError } from "@/lib/errors";
import { IMPORT_EXTENSIONS } from "@/lib/validation/articles";

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

function refuse(message: string): never {
  throw new ValidationError(message, { file: [message] });
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} KB`;
  return `${bytes} bytes`;
}

/**
 * Turns an uploaded .txt, .md or .html file into article text. Refuses what is not text: a file
 * over the limit, a binary file (NUL bytes), bytes that are not valid UTF-8.
 */
export function readUpload(upload: Upload, maxBytes: number): string {
  const extension = extensionOf(upload.name);
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    refuse("Upload a .txt, .md or .html file.");
  }
  if (upload.bytes.byteLength > maxBytes) {
    refuse(
      `The file is ${formatBytes(upload.bytes.byteLength)}; the limit is ${formatBytes(maxBytes)}.`,
    );
  }
  if (upload.bytes.includes(0)) {
    refuse("This file contains NUL bytes: it looks like a binary file, not text.");
  }
  let text: string;
  try {
    // fatal: a file in another encoding is refused rather than silently garbled.
    text = new TextDecoder("utf-8", { fatal: true }).decode(upload.bytes);
  } catch {
    refuse("This file is not valid UTF-8 text. Save it as UTF-8 and try again.");
  }
  if (extension !== ".html" && extension !== ".htm") return text;
  const reduced = htmlToText(text);
  // Line breaks and rules can make the text longer than the markup it came from.
  const size = Buffer.byteLength(reduced, "utf8");
  if (size > maxBytes) {
    refuse(`The text of this page is ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}.`);
  }
  return reduced;
}

/**
 * Deepest nesting of elements accepted in an uploaded HTML file. html-to-text walks the document
 * recursively: a few thousand levels overflow the stack, and 100,000 took ten seconds to fail.
 * Real articles nest a few dozen levels deep.
 */
export const MAX_HTML_DEPTH = 500;

class TooDeep extends Error {}

/**
 * Refuses HTML nested deeper than MAX_HTML_DEPTH. htmlparser2's streaming parser (the one
 * html-to-text builds its tree with, so unclosed and void elements count the same way) reports
 * each element without recursion, and the scan stops at the first element too deep.
 */
function assertNestingDepth(html: string): void {
  let depth = 0;
  const parser = new Parser({
    onopentag() {
      depth++;
      if (depth > MAX_HTML_DEPTH) throw new TooDeep();
    },
    onclosetag() {
      depth--;
    },
  });
  try {
    parser.end(html);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    refuse(
      `This HTML file nests elements more than ${MAX_HTML_DEPTH} levels deep, which no article needs. Save the page as text (.txt) and upload that instead.`,
    );
  }
}

/**
 * Readable text from HTML: block elements become paragraphs, scripts, styles and markup go,
 * link targets and images are dropped (they are not part of what the article says). HTML nested
 * deeper than MAX_HTML_DEPTH is refused with a ValidationError.
 */
export function htmlToText(html: string): string {
  assertNestingDepth(html);
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "h4", options: { uppercase: false } },
      { selector: "h5", options: { uppercase: false } },
      { selector: "h6", options: { uppercase: false } },
      { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
      { selector: "nav", format: "skip" },
      { selector: "noscript", format: "skip" },
      { selector: "template", format: "skip" },
      { selector: "iframe", format: "skip" },
      { selector: "svg", format: "skip" },
      { selector: "form", format: "skip" },
    ],
  });
}
