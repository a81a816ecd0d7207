import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { renderPdf } from "@/lib/reports/render-pdf";
import { draftModel, fixedModel, HOSTILE } from "./fixture";

async function pdfPages(data: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await doc.destroy();
  return pages;
}

/** Text without the line breaks the layout put in. */
const flat = (s: string) => s.replace(/\s+/g, "");

describe("PDF renderer", () => {
  let pdf: Buffer;
  let pages: string[];
  let all: string;
  beforeAll(async () => {
    pdf = await renderPdf(fixedModel());
    pages = await pdfPages(pdf);
    all = flat(pages.join(""));
  }, 30_000);

  it("is a PDF with embedded fonts", () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/FontFile2/);
    expect(pdf.toString("latin1")).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it("has selectable text with every claim, verdict and source title", () => {
    const model = fixedModel();
    for (const claim of model.claims) {
      expect(all).toContain(flat(claim.text));
      expect(all).toContain(flat(`Verdict: ${claim.verdict?.label}`));
      expect(all).toContain(flat(claim.verdict?.rationale ?? "x"));
      for (const source of claim.sources) expect(all).toContain(flat(source.title));
    }
    expect(all).toContain(flat(model.article.title));
    expect(all).toContain("Methodology");
    expect(all).toContain(flat("rating changed from False to Misleading"));
  });

  it("keeps Latin, Cyrillic and Kazakh letters as text, markup as text", () => {
    expect(all).toContain("әғқңөұүһі");
    expect(all).toContain("Қазақстан");
    expect(all).toContain(flat(HOSTILE.script));
  });

  it("numbers every page", () => {
    pages.forEach((text, i) => {
      expect(flat(text)).toContain(`Page${i + 1}of${pages.length}`);
    });
  });

  it("says DRAFT on every page of a draft", async () => {
    const draftPages = await pdfPages(await renderPdf(draftModel()));
    for (const text of draftPages) expect(text).toContain("DRAFT");
    expect(flat(draftPages.join(""))).toContain(flat("Claim 2 (In review)"));
  });

  it("renders with pdftoppm", () => {
    const probe = spawnSync("pdftoppm", ["-v"]);
    if (probe.error) {
      throw new Error("pdftoppm is missing: install poppler-utils (apt-get install poppler-utils)");
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));
    try {
      const file = path.join(dir, "report.pdf");
      fs.writeFileSync(file, pdf);
      const run = spawnSync("pdftoppm", ["-r", "20", "-png", file, path.join(dir, "page")]);
      expect(run.status, run.stderr.toString()).toBe(0);
      const images = fs.readdirSync(dir).filter((f) => f.endsWith(".png"));
      expect(images).toHaveLength(pages.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("shows the speaker's role beside the speaker", async () => {
    const model = fixedModel();
    const quoted = model.claims.find((c) => c.speaker) as (typeof model.claims)[number];
    quoted.speakerRole = "Tajik analyst";
    const text = flat((await pdfPages(await renderPdf(model))).join(""));
    expect(text).toContain(flat(`speaker: ${quoted.speaker} (Tajik analyst)`));
    expect(all).not.toContain("Tajikanalyst");
  }, 30_000);
});
