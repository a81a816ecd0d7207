import zlib from "node:zlib";
import PDFDocument from "pdfkit";

/** Widths of words in the font's units (1,000 per em), per font (pdfkit's font object as key). */
const widths = new WeakMap<object, Map<string, number>>();

/** Longer strings are measured every time: they are lines or pieces of a split word, rarely met twice. */
const CACHED_LENGTH = 64;

/** The content operators of each page not yet written (a page object as key, as pdfkit makes it). */
const pending = new WeakMap<object, string[]>();

/** The page a document last wrote to (set in the first writes, before the constructor returns). */
const lastPage = new WeakMap<object, object>();

interface FontMetrics {
  widthOfString(text: string, size: number): number;
}

/** Glyph ids (4 hex digits each) and positions, as pdfkit's font encode() gives them. */
type Encoded = [string[], unknown[]];

interface EmbeddedFont {
  encode(text: string, features?: unknown): Encoded;
  layoutCached?: unknown;
}

const encodingKept = new WeakSet<object>();

/**
 * pdfkit encodes each line by laying it out word by word (a word being a run up to and including a
 * space or tab, each shaped on its own, so a line is exactly its words one after another) and then,
 * glyph by glyph, adding the glyph to the font subset and writing its id as four hex digits. The
 * layout of a word is kept by pdfkit, the rest was done again for every line. Here the encoding of
 * each word is kept: the first time a word is met it is encoded by pdfkit itself (which adds its
 * glyphs to the subset, in the same order as before), afterwards it is reused.
 *
 * Embedded (TrueType) fonts only: the standard PDF fonts kern across spaces, so a line is not
 * its words one after another there.
 */
function keepEncodings(font: EmbeddedFont | undefined): void {
  if (!font || encodingKept.has(font) || typeof font.layoutCached !== "function") return;
  encodingKept.add(font);
  const encode = font.encode.bind(font);
  const words = new Map<string, Encoded>();
  font.encode = (text: string, features?: unknown): Encoded => {
    if (features) return encode(text, features);
    const ids: string[] = [];
    const positions: unknown[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && i < text.length - 1) continue;
      const word = text.slice(start, i + 1);
      start = i + 1;
      let encoded = words.get(word);
      if (!encoded) {
        encoded = encode(word);
        if (word.length <= CACHED_LENGTH) words.set(word, encoded);
      }
      for (const id of encoded[0]) ids.push(id);
      for (const position of encoded[1]) positions.push(position);
    }
    return [ids, positions];
  };
}

/** A page's content stream in pdfkit (PDFReference). */
interface ContentStream {
  compress: boolean;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
}

/**
 * pdfkit writes every content operator (each `BT`, `Tf`, `TJ`, colour, …) into the page's stream
 * at once, as its own small byte array made from the string. A 2,000-page report makes millions of
 * them, held until the end because the pages stay buffered for their numbers, and the garbage
 * collector walked them again and again. Here a page's operators are kept as strings and written
 * as one chunk per page when the document ends: the same bytes, in the same order (nothing else
 * writes to a page's stream before it is finished; pdfkit's marked-content ends, the only other
 * writer, come after, when the pages are flushed).
 *
 * With `bufferPages: false` pdfkit finishes each page as the next begins, so operators go
 * straight to the page as before.
 *
 * Besides its public methods this relies on pdfkit 0.20's internals (`_font`, `_fontSize`, a
 * font's `encode`, a page's `content` stream), which is why the version is pinned;
 * tests/unit/reports/pdf-document.test.ts checks that the output is still pdfkit's own, byte for
 * byte.
 */
export class BatchedPdfDocument extends PDFDocument {
  /**
   * pdfkit's line breaker measures every word of every text() call, and keeps the widths only for
   * that call; each measuring splits the word again and looks it up in the font's glyph layouts.
   * Here a word's width, which depends only on the font, is kept for the whole document (scaled
   * to the size in use, as pdfkit does).
   */
  override widthOfString(text: string, options?: PDFKit.Mixins.TextOptions): number {
    const font = (this as unknown as { _font?: FontMetrics })._font;
    if (!font || options?.features || text.length > CACHED_LENGTH) {
      return super.widthOfString(text, options);
    }
    let known = widths.get(font);
    if (!known) {
      known = new Map();
      widths.set(font, known);
    }
    let width = known.get(text);
    if (width === undefined) {
      width = font.widthOfString(text, 1000);
      known.set(text, width);
    }
    // pdfkit's own arithmetic, step by step, so that every width is the same to the last bit.
    const size = (this as unknown as { _fontSize: number })._fontSize;
    const { characterSpacing = 0, horizontalScaling = 100 } = (options ?? {}) as {
      characterSpacing?: number;
      horizontalScaling?: number;
    };
    return (
      ((width * (size / 1000) + characterSpacing * (text.length - 1)) * horizontalScaling) / 100
    );
  }

  override font(src: PDFKit.Mixins.PDFFontSource, family?: string | number, size?: number): this {
    if (typeof family === "number") super.font(src, family);
    else if (family === undefined) super.font(src, size);
    else super.font(src, family, size);
    keepEncodings((this as unknown as { _font?: EmbeddedFont })._font);
    return this;
  }

  override addContent(data: unknown): this {
    if (!(this as unknown as { options?: { bufferPages?: boolean } }).options?.bufferPages) {
      super.addContent(data);
      return this;
    }
    const page = this.page;
    let lines = pending.get(page);
    if (typeof data !== "string") {
      // Never the case in pdfkit 0.20 (its operators are strings); written in order all the same.
      if (lines?.length) page.write(lines.splice(0).join("\n"));
      page.write(data);
      return this;
    }
    if (!lines) {
      lines = [];
      pending.set(page, lines);
      // The page before is done (until the page numbers): its operators become one string, so
      // that the collector keeps one object per page rather than tens of thousands.
      const previous = lastPage.get(this);
      const done = previous && pending.get(previous);
      if (done && done.length > 1) done.splice(0, done.length, done.join("\n"));
      lastPage.set(this, page);
    }
    lines.push(data);
    return this;
  }

  /** Page content is compressed here, at this zlib level (pdfkit always uses zlib's default, 6). */
  deflateLevel: number = zlib.constants.Z_DEFAULT_COMPRESSION;

  override end(): void {
    const range = this.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      const page = this.switchToPage(i);
      const lines = pending.get(page);
      pending.delete(page);
      if (!lines?.length) continue;
      // pdfkit ends every write with a line break.
      const text = `${lines.join("\n")}\n`;
      const stream = (page as unknown as { content: ContentStream }).content;
      if (stream.compress && stream.buffer.length === 0) {
        // Written as pdfkit would (Length, then Filter, in its dictionary), compressed here.
        stream.compress = false;
        stream.write(zlib.deflateSync(Buffer.from(text, "latin1"), { level: this.deflateLevel }));
        stream.data.Filter = "FlateDecode";
      } else {
        stream.write(Buffer.from(text, "latin1"));
      }
    }
    super.end();
  }
}
