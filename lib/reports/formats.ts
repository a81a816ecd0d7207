// Plain constants (no Node imports), so the Export menu in the browser can use them too.
export const REPORT_FORMATS = ["html", "pdf", "md", "csv", "json", "claimreview"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const FORMAT_INFO: Record<
  ReportFormat,
  { label: string; extension: string; contentType: string }
> = {
  html: { label: "HTML (print-ready)", extension: "html", contentType: "text/html; charset=utf-8" },
  pdf: { label: "PDF", extension: "pdf", contentType: "application/pdf" },
  md: { label: "Markdown", extension: "md", contentType: "text/markdown; charset=utf-8" },
  csv: {
    label: "CSV (one row per claim)",
    extension: "csv",
    contentType: "text/csv; charset=utf-8",
  },
  json: { label: "JSON", extension: "json", contentType: "application/json; charset=utf-8" },
  claimreview: {
    label: "ClaimReview (JSON-LD)",
    extension: "jsonld",
    contentType: "application/ld+json; charset=utf-8",
  },
};
