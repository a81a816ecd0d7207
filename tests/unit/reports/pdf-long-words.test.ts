import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { buildReportModel } from "@/lib/reports/model";
import { breakLongWords, renderPdf } from "@/lib/reports/render-pdf";
import { FIXED_INPUT, OPTIONS } from "./fixture";

/** Every text run on every page with its right edge, in PDF points. */
async function textRuns(data: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false }).promise;
  const runs: { str: string; right: number; pageWidth: number }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const pageWidth = page.view[2] ?? 0;
    for (const item of (await page.getTextContent()).items) {
      if ("str" in item)
        runs.push({ str: item.str, right: item.transform[4] + item.width, pageWidth });
    }
  }
  await doc.destroy();
  return runs;
}

const word = (length: number, seed: string) =>
  Array.from({ length }, (_, i) => seed[i % seed.length]).join("");

describe("PDF renderer and long unbroken words", () => {
  it("breaks 10,000- and 100,000-character words inside the page, keeping every character", async () => {
    const ten = word(10_000, "abcdefghijklmnopqrstuvwxyzWM");
    const hundred = word(100_000, "0123456789ABCDEFGHIJ");
    const input = structuredClone(FIXED_INPUT);
    input.article.body = `${input.article.body}\n\n${ten}\n\nBetween. ${hundred} end.`;
    const first = input.claims[0];
    if (first?.verdict) first.verdict.rationale = `See ${ten.slice(0, 5000)}.`;
    const pdf = await renderPdf(buildReportModel(input, OPTIONS));
    const runs = await textRuns(pdf);
    // The page footers sit between the pieces of a word that crosses a page.
    const all = runs
      .filter((r) => !/^Page \d+ of \d+$/.test(r.str))
      .map((r) => r.str)
      .join("")
      .replace(/[\s\u200b]/g, "");
    // Booleans, not toContain: a failure would print megabytes.
    expect(all.includes(ten)).toBe(true);
    expect(all.includes(hundred)).toBe(true);
    expect(all.includes(`See${ten.slice(0, 5000)}.`)).toBe(true);
    // A4 with 56-point margins: nothing may run past the right margin.
    for (const run of runs)
      expect(run.right, run.str.slice(0, 40)).toBeLessThanOrEqual(run.pageWidth - 56 + 0.5);
  }, 30_000);

  it("puts a break opportunity every 30 characters of a long run and nowhere else", () => {
    expect(breakLongWords("short words stay as they are")).toBe("short words stay as they are");
    const long = "x".repeat(65);
    expect(breakLongWords(`a ${long} b`)).toBe(
      `a ${"x".repeat(30)}\u200b${"x".repeat(30)}\u200b${"x".repeat(5)} b`,
    );
    expect(breakLongWords("y".repeat(60))).toBe(`${"y".repeat(30)}\u200b${"y".repeat(30)}`);
    // Astral characters are not split in half.
    const emoji = "😀".repeat(31);
    expect(
      breakLongWords(emoji)
        .split("\u200b")
        .map((p) => [...p].length),
    ).toEqual([30, 1]);
  });
});
