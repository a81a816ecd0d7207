import fs from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { type Database, openDatabase } from "@/db/client";
import { articles, claims } from "@/db/schema";
import { DEMO_TITLE, expectNotFoundPage, storageState } from "./helpers";
import {
  makeApprovedArticle,
  RATIONALE,
  reapprove,
  setWorkflowDatabase,
  TROOPS,
} from "./workflow-steps";

/**
 * The article published here goes through the app as a desk would: imported through the import
 * endpoint, its troop-number claim taken, sourced and proposed by the reviewer and approved by the
 * editor, every other claim dismissed, all by calling the app's own server actions. The e2e
 * database is only read, for ids and versions.
 */
let database: Database;

function openE2eDatabase(): Database {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) {
    throw new Error("reports.spec.ts needs the PostgreSQL e2e database (E2E_DATABASE_URL)");
  }
  return openDatabase({ url, max: 2 });
}

async function demoArticleId(): Promise<string> {
  const [row] = await database.db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.title, DEMO_TITLE));
  if (!row) throw new Error("no demo article");
  return row.id;
}

async function hasOpenClaims(articleId: string): Promise<boolean> {
  const rows = await database.db
    .select({ status: claims.status })
    .from(claims)
    .where(eq(claims.articleId, articleId));
  return rows.some((row) => row.status !== "approved" && row.status !== "dismissed");
}

async function readDownload(page: Page, label: string) {
  await page.getByRole("button", { name: "Export report" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: label, exact: true }).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), body: fs.readFileSync(file) };
}

async function signedOutPage(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

test.describe("fact-check report", () => {
  test.use({ storageState: storageState("editor") });
  test.beforeAll(() => {
    database = openE2eDatabase();
    setWorkflowDatabase(database);
  });
  test.afterAll(async () => {
    await database?.close();
  });

  test("the editor downloads the demo article's report in all six formats from the Export menu", async ({
    page,
  }) => {
    const id = await demoArticleId();
    await page.goto(`/articles/${id}/report`);
    await expect(page.getByRole("heading", { level: 1, name: DEMO_TITLE })).toBeVisible();
    // In fresh demo data nothing is approved yet: a draft that cannot be published. (Other specs
    // may move demo claims along the workflow, so the expectation follows the database.)
    const draft = await hasOpenClaims(id);
    if (draft) {
      await expect(page.getByText("DRAFT — not every claim has an approved verdict")).toBeVisible();
      await expect(page.getByText(/still open\. The report can be published/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Publish report" })).toHaveCount(0);
    }

    const html = await readDownload(page, "HTML (print-ready)");
    expect(html.name).toMatch(
      draft ? /^fact-check-kazakhstan-[a-z0-9-]+-draft\.html$/ : /^fact-check-kazakhstan-.+\.html$/,
    );
    expect(html.body.toString()).toContain("<!doctype html>");
    expect(html.body.toString()).toContain(TROOPS);

    const pdf = await readDownload(page, "PDF");
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");

    const md = await readDownload(page, "Markdown");
    expect(md.name).toMatch(/\.md$/);
    expect(md.body.toString()).toContain("# Fact\\-check: Kazakhstan");

    const csv = await readDownload(page, "CSV (one row per claim)");
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.body.toString().startsWith("\uFEFFreport_status,claim_number")).toBe(true);

    const json = await readDownload(page, "JSON");
    const model = JSON.parse(json.body.toString());
    expect(model.article.title).toBe(DEMO_TITLE);
    expect(model.draft).toBe(draft);

    const ld = await readDownload(page, "ClaimReview (JSON-LD)");
    expect(ld.name).toMatch(/\.jsonld$/);
    expect(Array.isArray(JSON.parse(ld.body.toString()))).toBe(true);

    // The menu is a disclosure that Escape closes, returning focus to its button.
    const button = page.getByRole("button", { name: "Export report" });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("link", { name: "PDF" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("link", { name: "PDF" })).toBeHidden();
    await expect(button).toBeFocused();
  });

  test("the download answers with its type, an attachment name and nosniff; signed out gets 401", async ({
    page,
    browser,
  }) => {
    const id = await demoArticleId();
    const response = await page.request.get(`/api/articles/${id}/report?format=csv`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(
      /^attachment; filename="fact-check-[a-z0-9-]+\.csv"$/,
    );
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await page.request.get(`/api/articles/${crypto.randomUUID()}/report`)).status()).toBe(
      404,
    );
    expect((await page.request.get(`/api/articles/${id}/report?format=exe`)).status()).toBe(400);
    const { context } = await signedOutPage(browser);
    expect((await context.request.get(`/api/articles/${id}/report?format=pdf`)).status()).toBe(401);
    await context.close();
  });

  test("the editor publishes, a signed-out reader sees the verdict, and revoking takes it down", async ({
    page,
    browser,
    baseURL,
  }) => {
    const article = await makeApprovedArticle(baseURL ?? "");
    await page.goto(`/articles/${article.id}/report`);
    await expect(page.getByText("DRAFT")).toHaveCount(0);
    await page.getByRole("button", { name: "Publish report" }).click();
    const link = page.getByTestId("public-link");
    await expect(link).toBeVisible();
    const url = (await link.getAttribute("href")) ?? "";
    expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);

    const reader = await signedOutPage(browser);
    await reader.page.goto(url);
    await expect(reader.page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();
    const card = reader.page.locator("#claim-1");
    await expect(card).toContainText(TROOPS);
    await expect(card).toContainText("Verdict: Mostly true (4 of 5)");
    await expect(card).toContainText(RATIONALE);
    const jsonLd = await reader.page.locator('script[type="application/ld+json"]').textContent();
    const reviews = JSON.parse(jsonLd ?? "[]");
    expect(reviews[0]).toMatchObject({
      "@type": "ClaimReview",
      claimReviewed: expect.stringContaining(TROOPS),
      url: `${url}#claim-1`,
      reviewRating: { alternateName: "Mostly true", ratingValue: 4 },
    });

    // The claim is reopened and approved again with another rating; republishing asks why, and
    // the public page then shows the correction.
    await reapprove(
      baseURL ?? "",
      article.id,
      article.troopsId,
      "A later CSTO statement gave the figure as 2,030 troops, well below the article's number.",
    );
    await page.reload();
    await page.getByRole("button", { name: "Republish with corrections" }).click();
    await expect(page.getByText("Say why the report changed").first()).toBeVisible();
    await page.getByLabel("Why did the report change?").fill("The CSTO published its final count.");
    await page.getByRole("button", { name: "Republish with corrections" }).click();
    await expect(page.getByText("Republished with 1 correction.")).toBeVisible();
    await reader.page.reload();
    await expect(card).toContainText("Verdict: Half true (3 of 5)");
    const log = reader.page.locator("section", {
      has: reader.page.getByRole("heading", { name: "Corrections" }),
    });
    await expect(log).toContainText("verdict changed from Mostly true to Half true");
    await expect(log).toContainText("The CSTO published its final count.");
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: "Revoke public link" }).click();
    await expect(page.getByTestId("public-link")).toHaveCount(0);
    await reader.page.reload();
    await expectNotFoundPage(reader.page);
    await reader.context.close();
  });
});
