import { createRequire } from "node:module";
import path from "node:path";
import { CLAIM_STATUS_LABEL } from "@/db/schema/constants";
import {
  day,
  formatSpeaker,
  formatValues,
  type ReportClaim,
  type ReportModel,
  STANCE_LABEL,
  safeHttpUrl,
  segmentBody,
} from "./model";
import { BatchedPdfDocument } from "./pdf-document";

/**
 * DejaVu Sans covers Latin, Cyrillic and the Kazakh letters (ә ғ қ ң ө ұ ү һ і); pdfkit embeds
 * the glyphs used as a subset, so text stays selectable and searchable. The font is read from
 * node_modules at run time rather than committed.
 */
function fontDir(): string {
  try {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  } catch {
    return path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  }
}

/**
 * Fonts are named by file path, not registerFont names: pdfkit re-parses a registered font on
 * every switch when the same file was also the document's first font (15× slower here).
 */
const FONT = {
  body: path.join(fontDir(), "DejaVuSans.ttf"),
  bold: path.join(fontDir(), "DejaVuSans-Bold.ttf"),
};

const INK = "#1a1a1a";
const MUTED = "#555555";
const CLAIM = "#1d4ed8";
const DRAFT = "#b45309";

type Doc = PDFKit.PDFDocument;

/**
 * pdfkit breaks a word wider than the line by measuring ever shorter prefixes of the rest of the
 * word, which is quadratic: a 10,000-character word took 8 s and a 100,000-character one
 * minutes. A zero-width space (a break opportunity with no width in DejaVu, and not extracted as
 * text) after every BREAK_EVERY characters of a long run lets the line breaker split it cheaply;
 * a piece still wider than a line (only in very large type) is short enough for pdfkit's own
 * splitting.
 */
const BREAK_EVERY = 30;
const LONG_RUN = new RegExp(`[^\\s\u200b]{${BREAK_EVERY + 1},}`, "gu");
const PIECE = new RegExp(`[^\\s\u200b]{${BREAK_EVERY}}(?!$)`, "gu");

export function breakLongWords(text: string): string {
  return text.replace(LONG_RUN, (run) => run.replace(PIECE, "$&\u200b"));
}

function heading(doc: Doc, text: string, size = 14) {
  doc.moveDown(0.8).font(FONT.bold).fontSize(size).fillColor(INK).text(breakLongWords(text));
  doc.moveDown(0.3).font(FONT.body).fontSize(10);
}

function para(doc: Doc, text: string, color = INK) {
  doc.font(FONT.body).fontSize(10).fillColor(color).text(breakLongWords(text));
}

function metadata(doc: Doc, model: ReportModel) {
  const a = model.article;
  const rows: [string, string, string | null][] = [
    ["Outlet", a.outlet ?? "—", null],
    ["Author", a.author ?? "—", null],
    [
      "Published",
      a.publishedOn ? `${a.publishedOn}${a.publishedApproximate ? " (approximate)" : ""}` : "—",
      null,
    ],
    ["Article URL", a.url ?? "—", safeHttpUrl(a.url)],
    ["Checked by", model.organization, null],
    ["Report generated", day(model.generatedAt), null],
  ];
  if (model.publication) {
    rows.push(["Published report", model.publication.url, safeHttpUrl(model.publication.url)]);
  }
  for (const [label, value, link] of rows) {
    doc.font(FONT.bold).fontSize(10).fillColor(INK).text(`${label}: `, { continued: true });
    doc
      .font(FONT.body)
      .text(
        breakLongWords(value),
        link ? { link, underline: true } : { link: null, underline: false },
      );
  }
}

function draftNotice(doc: Doc, model: ReportModel) {
  if (!model.draft) return;
  doc.moveDown(0.5).font(FONT.bold).fontSize(11).fillColor(DRAFT);
  doc.text("DRAFT — not every claim has an approved verdict. Still open:");
  doc.font(FONT.body).fontSize(10);
  for (const c of model.open)
    doc.text(breakLongWords(`• Claim ${c.number} (${CLAIM_STATUS_LABEL[c.status]}): ${c.text}`));
  doc.fillColor(INK);
}

/** The body as lines of runs, so blank lines and paragraph breaks survive continued text. */
function bodyLines(model: ReportModel): { text: string; claim: number | null; end: boolean }[][] {
  const lines: { text: string; claim: number | null; end: boolean }[][] = [[]];
  for (const seg of segmentBody(model.article.body, model.claims)) {
    const parts = seg.text.split("\n");
    parts.forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text)
        lines[lines.length - 1]?.push({ text, claim: seg.claim, end: i === parts.length - 1 });
    });
  }
  return lines;
}

// pdfkit carries a continued run's options into the next one; null clears a link or goTo.
const plain = { link: null, goTo: null as unknown as undefined, underline: false };

function articleText(doc: Doc, model: ReportModel) {
  heading(doc, "Article text");
  for (const runs of bodyLines(model)) {
    if (runs.length === 0) {
      doc.moveDown(0.5);
      continue;
    }
    runs.forEach((run, i) => {
      const continued = i < runs.length - 1;
      if (run.claim === null) {
        doc
          .font(FONT.body)
          .fillColor(INK)
          .text(breakLongWords(run.text), { ...plain, continued });
        return;
      }
      doc
        .font(FONT.bold)
        .fillColor(CLAIM)
        .text(breakLongWords(run.text), { ...plain, continued: continued || run.end });
      if (run.end) {
        doc.font(FONT.body).text(` [${run.claim}]`, { continued, goTo: `claim-${run.claim}` });
      }
    });
  }
  doc.fillColor(INK);
}

function claimBlock(doc: Doc, claim: ReportClaim) {
  doc.moveDown(0.6);
  doc.addNamedDestination(claim.anchor);
  doc.font(FONT.bold).fontSize(12).fillColor(INK).text(`Claim ${claim.number}`);
  doc
    .font(FONT.body)
    .fontSize(10)
    .text(breakLongWords(`“${claim.text}”`), { indent: 12 });
  const values = formatValues(claim.values);
  para(
    doc,
    `Kind: ${claim.kind}${claim.speaker ? `; speaker: ${formatSpeaker(claim)}` : ""}${values ? `; values: ${values}` : ""}`,
    MUTED,
  );
  const v = claim.verdict;
  if (v) {
    doc.font(FONT.bold).fillColor(INK);
    doc.text(`Verdict: ${v.label}${v.ratingValue !== null ? ` (${v.ratingValue} of 5)` : ""}`);
    para(doc, v.rationale);
    para(
      doc,
      `Reviewed by ${v.reviewer ?? "—"} on ${day(v.proposedAt)}; approved by ${v.approver ?? "—"} on ${day(v.approvedAt)}.`,
      MUTED,
    );
  } else {
    doc
      .font(FONT.bold)
      .fillColor(DRAFT)
      .text(`No approved verdict yet (${CLAIM_STATUS_LABEL[claim.status]}).`);
  }
  doc.font(FONT.bold).fillColor(INK).text("Sources");
  if (claim.sources.length === 0) para(doc, "No sources.", MUTED);
  for (const s of claim.sources) {
    const link = safeHttpUrl(s.url);
    doc.font(FONT.body).fontSize(10).fillColor(INK);
    doc.text(`${s.number}. `, { continued: true });
    doc.text(breakLongWords(s.title), { continued: true, link, underline: Boolean(link) });
    doc.text(
      breakLongWords(
        `${s.publisher ? ` — ${s.publisher}` : ""}. ${STANCE_LABEL[s.stance]}${s.accessedOn ? `; accessed ${s.accessedOn}` : ""}.`,
      ),
      { link: null, underline: false },
    );
    para(doc, s.url, MUTED);
    if (s.excerpt) {
      doc
        .font(FONT.body)
        .fillColor(MUTED)
        .text(breakLongWords(`“${s.excerpt}”`), { indent: 12 });
    }
  }
}

function methodology(doc: Doc, model: ReportModel) {
  heading(doc, "Methodology");
  para(doc, model.methodology);
  doc.moveDown(0.4).font(FONT.bold).text("Rating scale");
  for (const r of model.ratingScale) para(doc, `${r.label}: ${r.value ?? "not on the scale"}`);
}

function corrections(doc: Doc, model: ReportModel) {
  heading(doc, "Corrections");
  if (model.corrections.length === 0) para(doc, "No corrections.");
  for (const c of model.corrections) {
    para(
      doc,
      `${day(c.date)}${c.claimNumber ? ` — claim ${c.claimNumber}` : ""}: ${c.description} Why: ${c.reason}`,
    );
  }
}

/** Page numbers (and DRAFT) on every page, written once the page count is known. */
function stampPages(doc: Doc, model: ReportModel) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.body).fontSize(8).fillColor(MUTED);
    doc.text(`Page ${i + 1} of ${range.count}`, 0, doc.page.height - 30, {
      width: doc.page.width,
      align: "center",
      lineBreak: false,
    });
    if (model.draft) {
      doc.font(FONT.bold).fontSize(10).fillColor(DRAFT);
      doc.text("DRAFT", doc.page.width - 100, 20, { width: 60, align: "right", lineBreak: false });
    }
    doc.page.margins.bottom = bottom;
  }
}

export async function renderPdf(model: ReportModel): Promise<Buffer> {
  const doc = new BatchedPdfDocument({
    size: "A4",
    margins: { top: 50, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    font: FONT.body,
    info: {
      Title: `${model.draft ? "DRAFT — " : ""}Fact-check: ${model.article.title}`,
      Author: model.organization,
      Subject: "Fact-check report",
      CreationDate: new Date(model.generatedAt),
    },
    lang: "en",
    displayTitle: true,
  });
  // zlib level 4 compresses the pages twice as fast as the default 6, for a file about 15 % larger.
  doc.deflateLevel = 4;
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  doc.font(FONT.body).fontSize(9).fillColor(MUTED).text("Fact-check report");
  doc.font(FONT.bold).fontSize(18).fillColor(INK).text(breakLongWords(model.article.title));
  doc.moveDown(0.4);
  metadata(doc, model);
  draftNotice(doc, model);

  const s = model.summary;
  heading(doc, "Summary");
  para(
    doc,
    `${s.claimsChecked} of ${s.claimsTotal - s.claimsDismissed} claims checked; ${s.claimsOpen} open; ${s.claimsDismissed} dismissed as not check-worthy.`,
  );
  for (const r of model.ratingScale) {
    if (s.verdictCounts[r.rating] > 0) para(doc, `${r.label}: ${s.verdictCounts[r.rating]}`);
  }

  articleText(doc, model);
  heading(doc, "Claims and verdicts");
  for (const claim of model.claims) claimBlock(doc, claim);
  methodology(doc, model);
  corrections(doc, model);
  stampPages(doc, model);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
