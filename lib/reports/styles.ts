/**
 * The report's stylesheet, shared by the downloaded HTML file and the report pages, so a printout
 * of either paginates the same way. Plain CSS: the downloaded file has no build step behind it.
 */
export const REPORT_CSS = `
.report-doc { font-family: "DejaVu Sans", "Noto Sans", system-ui, sans-serif; color: #1a1a1a;
  line-height: 1.5; max-width: 48rem; margin: 0 auto; padding: 1rem; }
.report-doc h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
.report-doc h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; }
.report-doc h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
.report-doc h4 { font-size: .95rem; font-weight: 600; margin: .5rem 0 .25rem; }
.report-doc p { margin: 0 0 .4rem; }
.report-doc a { color: #1d4ed8; text-decoration: underline; }
.report-doc ul { list-style: disc; padding-left: 1.5rem; }
.report-doc ol { list-style: decimal; padding-left: 1.75rem; }
.report-doc blockquote { margin: .25rem 0 .5rem; padding-left: .75rem; border-left: 3px solid #ccc; }
.report-doc caption { text-align: left; }
.report-doc dl.report-meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
.report-doc dl.report-meta dt { font-weight: 600; }
.report-doc dl.report-meta dd { margin: 0; overflow-wrap: anywhere; }
.report-doc .report-draft { border: 2px solid #b45309; background: #fffbeb; color: #78350f;
  padding: .5rem .75rem; font-weight: 700; letter-spacing: .05em; margin: 0 0 1rem; }
.report-doc .report-body { white-space: pre-wrap; overflow-wrap: anywhere; }
.report-doc mark.report-claim { background: #fef08a; color: inherit; padding: 0 .1em; }
.report-doc mark.report-claim a { color: inherit; text-decoration: none; }
.report-doc sup a { font-weight: 700; }
.report-doc .report-card { border: 1px solid #ddd; border-radius: .4rem; padding: .75rem 1rem;
  margin: 0 0 1rem; break-inside: avoid; }
.report-doc .report-verdict { font-weight: 700; }
.report-doc .report-sources { padding-left: 1.5rem; }
.report-doc .report-sources li { overflow-wrap: anywhere; }
.report-doc table { border-collapse: collapse; }
.report-doc th, .report-doc td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; }
.report-doc .report-muted { color: #555; }
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
@media print {
  body:has(.report-doc) > header, body:has(.report-doc) [aria-live], .no-print {
    display: none !important; }
  body:has(.report-doc) { background: #fff; }
  .report-doc { max-width: none; padding: 0; font-size: 10.5pt; }
  .report-doc h2 { break-after: avoid; }
  .report-doc .report-card, .report-doc tr { break-inside: avoid; }
  .report-doc a { color: inherit; }
  .report-doc .report-draft-repeat { display: block; position: fixed; top: 0; right: 0;
    font-weight: 700; color: #b45309; }
}
.report-doc .report-draft-repeat { display: none; }
`;
