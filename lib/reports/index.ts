import { FORMAT_INFO, type ReportFormat } from "./formats";
import { type ReportModel, reportFileName } from "./model";
import { renderClaimReview } from "./render-claimreview";
import { renderCsv } from "./render-csv";
import { renderHtml } from "./render-html";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";

export interface RenderedReport {
  body: string | Buffer;
  contentType: string;
  fileName: string;
}

/** One entry point for every format, each rendered from the same model. */
export async function renderReport(
  model: ReportModel,
  format: ReportFormat,
): Promise<RenderedReport> {
  const info = FORMAT_INFO[format];
  const render: Record<ReportFormat, () => string | Promise<Buffer>> = {
    html: () => renderHtml(model),
    pdf: () => renderPdf(model),
    md: () => renderMarkdown(model),
    csv: () => renderCsv(model),
    json: () => renderJson(model),
    claimreview: () => renderClaimReview(model),
  };
  return {
    body: await render[format](),
    contentType: info.contentType,
    fileName: reportFileName(model, info.extension),
  };
}
