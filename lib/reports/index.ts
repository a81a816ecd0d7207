import { runInWorker } from "@/lib/workers/pool";
import { FORMAT_INFO, type ReportFormat } from "./formats";
import { type ReportModel, reportFileName, withoutBidiControls } from "./model";
import { renderClaimReview } from "./render-claimreview";
import { renderCsv } from "./render-csv";
import { renderHtml } from "./render-html";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";

export interface RenderedReport {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

/** Lets waiting requests in between two pieces of work on this thread. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Claims (or open claims) serialised per call: a few milliseconds each for the largest article. */
const JSON_SLICE = 250;

/** A long array as JSON pieces (no brackets), a slice per turn of the event loop. */
async function arrayPieces(items: readonly unknown[]): Promise<string[]> {
  const pieces: string[] = [];
  for (let i = 0; i < items.length; i += JSON_SLICE) {
    await yieldToOthers();
    pieces.push(JSON.stringify(items.slice(i, i + JSON_SLICE)).slice(1, -1));
  }
  return pieces;
}

/**
 * The model as UTF-8 JSON, the same as JSON.stringify(model) would give but written and encoded a
 * slice at a time: in one call the largest article's model (9,034 claims) held the thread for
 * 50–85 ms to serialise and about as long again to encode.
 */
export async function reportModelJson(model: ReportModel): Promise<Uint8Array> {
  const { claims, open, ...rest } = model;
  const claimPieces = await arrayPieces(claims);
  const openPieces = await arrayPieces(open);
  const text: string[] = [
    `{"claims":[`,
    ...claimPieces.flatMap((piece, i) => (i === 0 ? [piece] : [",", piece])),
    `],"open":[`,
    ...openPieces.flatMap((piece, i) => (i === 0 ? [piece] : [",", piece])),
    `],${JSON.stringify(rest).slice(1)}`,
  ];
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const piece of text) {
    if (piece.length > 10_000) await yieldToOthers();
    const bytes = encoder.encode(piece);
    parts.push(bytes);
    length += bytes.byteLength;
  }
  const json = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    json.set(part, at);
    at += part.byteLength;
  }
  return json;
}

/**
 * The PDF is made on a worker thread (lib/workers/pool.ts): the largest article takes seconds in
 * pdfkit, which would hold every other request meanwhile. The other formats take milliseconds.
 * What stays on this thread is kept short: the model goes over as UTF-8 JSON in one buffer that
 * is handed over, not cloned (a structured clone of the largest article's model, 9,000 claims,
 * held the thread for about 100 ms, its bidi stripping for another 150 ms: that now runs there),
 * and the JSON is written in slices with the thread let go between them (reportModelJson).
 */
async function renderPdfOffThread(model: ReportModel): Promise<Buffer> {
  const json = await reportModelJson(model);
  const bytes = await runInWorker("renderPdf", json, [json.buffer as ArrayBuffer]);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * One entry point for every format, each rendered from the same model. HTML isolates user text
 * itself; every other format gets the model without bidirectional controls (lib/bidi.ts).
 */
export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
): Promise<RenderedReport> {
  const info = FORMAT_INFO[format];
  const plain = () => withoutBidiControls(model);
  const render: Record<ReportFormat, () => string | Promise<Buffer>> = {
    html: () => renderHtml(model),
    pdf: () => renderPdfOffThread(model),
    md: () => renderMarkdown(plain()),
    csv: () => renderCsv(plain()),
    json: () => renderJson(plain()),
    claimreview: () => renderClaimReview(plain()),
  };
  return {
    body: await render[format](),
    contentType: info.contentType,
    fileName: reportFileName(model, info.extension),
  };
}
