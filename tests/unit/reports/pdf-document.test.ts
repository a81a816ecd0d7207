import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { BatchedPdfDocument } from "@/lib/reports/pdf-document";
import { breakLongWords } from "@/lib/reports/render-pdf";

const ttf = path.join(
  path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
  "ttf",
);
const BODY = path.join(ttf, "DejaVuSans.ttf");
const BOLD = path.join(ttf, "DejaVuSans-Bold.ttf");

const WORDS =
  "Troops numbering around 2,500 personnel arrived in Алматы on 6 January 2022; Қазақстан's ministry said ә ғ қ ң ө ұ ү һ і — “fi ffl” office.";

/** The same drawing on any pdfkit document: the kinds of text the report writes. */
async function draw(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on("end", resolve));
  doc.font(BODY).fontSize(9).text("Fact-check report");
  doc.font(BOLD).fontSize(18).fillColor("#1a1a1a").text("A title");
  for (let i = 0; i < 60; i++) {
    doc.font(BODY).fontSize(10).fillColor("#1a1a1a");
    doc.text(`${WORDS} ${i} `.repeat(1 + (i % 7)), { continued: true });
    doc.font(BOLD).fillColor("#1d4ed8").text(`claim ${i} ${WORDS}`, { continued: true });
    doc.font(BODY).text(` [${i}]`, { continued: true, goTo: `claim-${i}` });
    doc.text(" link", { link: "https://example.org/a", underline: true, continued: true });
    doc.text(` end\n${breakLongWords("w".repeat(500 + i))} tail`, { link: null, underline: false });
    doc.text(`spaced ${i} ${WORDS}`, { characterSpacing: 1, indent: 12 });
    doc.text(`shaped ${i} office ffi`, { features: ["liga", "kern"] });
    doc.addNamedDestination(`claim-${i}`);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font(BODY)
      .fontSize(8)
      .text(`Page ${i + 1} of ${range.count}`, 0, 800, {
        width: doc.page.width,
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const options = (bufferPages = true): PDFKit.PDFDocumentOptions => ({
  size: "A4",
  bufferPages,
  font: BODY,
  info: { CreationDate: new Date("2026-01-02T03:04:05Z") },
});

describe("BatchedPdfDocument", () => {
  it("writes the same bytes as pdfkit's own document, page breaks and all", async () => {
    const plain = await draw(new PDFDocument(options()));
    const batched = await draw(new BatchedPdfDocument(options()));
    expect(plain.length).toBeGreaterThan(20_000);
    expect(plain.toString("latin1")).toMatch(/\/Count [2-9]\d*/);
    expect(batched.equals(plain)).toBe(true);
  }, 60_000);

  it("writes straight to the page when pages are not buffered", async () => {
    const plain = await draw(new PDFDocument(options(false)));
    const batched = await draw(new BatchedPdfDocument(options(false)));
    expect(batched.equals(plain)).toBe(true);
  }, 60_000);
});
