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

/**
 * The PDF is made on a worker thread (lib/workers/pool.ts): the largest article takes seconds in
 * pdfkit, which would hold every other request meanwhile. The other formats take milliseconds.
 * What stays on this thread is kept short: the model goes over as UTF-8 JSON in one buffer that
 * is handed over, not cloned (a structured clone of the largest article's model, 9,000 claims,
 * held the thread for about 100 ms, its bidi stripping for another 150 ms: that now runs there).
 */
async function renderPdfOffThread(model: ReportModel): Promise<Buffer> {
  // Let waiting requests in between building the model (synchronous, tens of milliseconds for the
  // largest article) and serialising it, so the two do not add up in one turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  const json = new TextEncoder().encode(JSON.stringify(model));
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
