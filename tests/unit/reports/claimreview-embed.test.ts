import { type Browser, chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReportModel, type ReportModel } from "@/lib/reports/model";
import {
  buildClaimReviews,
  claimReviewForScript,
  jsonForScript,
  renderClaimReview,
} from "@/lib/reports/render-claimreview";
import { findChromium } from "../../e2e/chromium";
import { FIXED_INPUT, OPTIONS } from "./fixture";

const PAYLOAD = "</script><img src=x onerror=alert(1)>";

/** The fixture article with the payload in its text, its title and the first approved claim. */
function hostileModel(): ReportModel {
  const input = structuredClone(FIXED_INPUT);
  const claim = input.claims[0];
  if (!claim) throw new Error("fixture has no claim");
  const text = `Troops numbering ${PAYLOAD} around 2,500 personnel arrived.\u2028`;
  input.article.body = `${text} Later text.`;
  input.article.title = `Title ${PAYLOAD} <!-- & \u2029`;
  Object.assign(claim, { text, start: 0, end: text.length });
  input.claims = [claim];
  return buildReportModel(input, OPTIONS);
}

describe("JSON for a script element", () => {
  it("escapes < > & and the line separators, and parses back to the same value", () => {
    const value = { a: "</script><!-- & \u2028 \u2029 >", b: ["<b>"] };
    const text = jsonForScript(value, 2);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain("\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 \\u2029 \\u003e");
    expect(JSON.parse(text)).toEqual(value);
  });

  it("is what both the download and the public page's JSON-LD use", () => {
    const model = hostileModel();
    for (const text of [renderClaimReview(model), claimReviewForScript(model)]) {
      expect(text).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(text)).toEqual(buildClaimReviews(model));
    }
    expect(renderClaimReview(model)).toContain("\n  {");
  });
});

describe("ClaimReview download embedded in a page, in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error("no Chromium (CHROMIUM_PATH or /usr/bin/chromium)");
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("runs nothing and stays one JSON-LD block that parses", async () => {
    const model = hostileModel();
    const download = renderClaimReview(model);
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Pasted as publishers are told to: the file's text inside the element, as it is.
    await page.setContent(
      `<!doctype html><html><head><title>t</title><script>window.ran = [];window.alert = (m) => window.ran.push(String(m));</script><script type="application/ld+json">${download}</script></head><body><p id="after">after</p></body></html>`,
      { waitUntil: "load" },
    );
    await page.waitForTimeout(200);
    const result = await page.evaluate(() => ({
      ran: (window as unknown as { ran: string[] }).ran,
      images: document.images.length,
      blocks: [...document.querySelectorAll('script[type="application/ld+json"]')].map(
        (s) => s.textContent ?? "",
      ),
    }));
    await page.close();
    expect(dialogs).toEqual([]);
    expect(result.ran).toEqual([]);
    expect(result.images).toBe(0);
    expect(result.blocks).toHaveLength(1);
    expect(JSON.parse(result.blocks[0] ?? "")).toEqual(buildClaimReviews(model));
  }, 60_000);
});
