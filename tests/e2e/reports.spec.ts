import fs from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { eq, inArray } from "drizzle-orm";
import { type Database, openDatabase } from "@/db/client";
import { articles, claims, sources, users, verdicts } from "@/db/schema";
import { hashBody } from "@/lib/services/articles/body";
import { DEMO, DEMO_TITLE, expectNotFoundPage, storageState } from "./helpers";

/**
 * The review workflow (propose/approve) is another issue's UI, so the article published here is
 * brought to "all approved or dismissed" by writing the rows the workflow would write, straight
 * into the e2e database. Everything the reader and editor do afterwards goes through the app.
 */
let database: Database;

function openE2eDatabase(): Database {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) {
    throw new Error("reports.spec.ts needs the PostgreSQL e2e database (E2E_DATABASE_URL)");
  }
  return openDatabase({ url, max: 2 });
}

const TROOPS = "Troops numbering around 2,500 personnel";
const RATIONALE = "The CSTO put its peacekeeping force at about 2,030 troops, close to the figure.";

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

/** A copy of the demo article's troop-number paragraph, its claim approved, another dismissed. */
async function makeApprovedArticle() {
  const db = database.db;
  const demo = await db
    .select({ body: articles.body })
    .from(articles)
    .where(eq(articles.title, DEMO_TITLE));
  const paragraph = demo[0]?.body.split("\n").find((line) => line.includes(TROOPS));
  if (!paragraph) throw new Error("the demo article has no troop-number paragraph");
  const title = `Report e2e ${crypto.randomUUID().slice(0, 8)}`;
  const other = "The second sentence is opinion.";
  const body = `${paragraph}\n\n${other} ${title}`;
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [DEMO.reviewer.email, DEMO.admin.email]));
  const reviewer = people.find((p) => p.email === DEMO.reviewer.email);
  const approver = people.find((p) => p.email === DEMO.admin.email);
  const [article] = await db
    .insert(articles)
    .values({
      title,
      outlet: "India Narrative",
      author: "Aditi Bhaduri",
      publishedOn: "2022-01-15",
      publishedApproximate: true,
      body,
      bodyHash: hashBody(body),
    })
    .returning({ id: articles.id });
  if (!article) throw new Error("no article");
  const start = body.indexOf(TROOPS);
  const approvedAt = new Date();
  const [troops] = await db
    .insert(claims)
    .values({
      articleId: article.id,
      text: TROOPS,
      start,
      end: start + TROOPS.length,
      kind: "quantity",
      values: { quantity: 2500, approximate: true, unit: "personnel" },
      status: "approved",
      rating: "mostly_true",
      approvedAt,
    })
    .returning({ id: claims.id });
  if (!troops) throw new Error("no claim");
  await db.insert(verdicts).values({
    claimId: troops.id,
    rating: "mostly_true",
    rationale: RATIONALE,
    state: "approved",
    proposedBy: reviewer?.id ?? null,
    approvedBy: approver?.id ?? null,
    approvedAt,
  });
  await db.insert(sources).values({
    claimId: troops.id,
    title: "CSTO: peacekeeping contingent numbers",
    url: "https://en.odkb-csto.org/news/",
    publisher: "CSTO",
    stance: "supports",
    accessedOn: "2026-01-02",
  });
  const otherStart = body.indexOf(other);
  await db.insert(claims).values({
    articleId: article.id,
    text: other,
    start: otherStart,
    end: otherStart + other.length,
    kind: "statement",
    status: "dismissed",
    dismissReason: "opinion",
  });
  return { id: article.id, title, troopsId: troops.id };
}

/** What the workflow does when an editor reopens a claim and a new verdict is approved. */
async function reapprove(claimId: string, rating: "half_true", rationale: string) {
  const db = database.db;
  const [approver] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO.admin.email));
  await db.update(verdicts).set({ state: "superseded" }).where(eq(verdicts.claimId, claimId));
  const approvedAt = new Date();
  await db.insert(verdicts).values({
    claimId,
    rating,
    rationale,
    state: "approved",
    approvedBy: approver?.id ?? null,
    approvedAt,
  });
  await db
    .update(claims)
    .set({ status: "approved", rating, approvedAt })
    .where(eq(claims.id, claimId));
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
  }) => {
    const article = await makeApprovedArticle();
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
      claimReviewed: TROOPS,
      url: `${url}#claim-1`,
      reviewRating: { alternateName: "Mostly true", ratingValue: 4 },
    });

    // The claim is reopened and approved again with another rating; republishing asks why, and
    // the public page then shows the correction.
    await reapprove(article.troopsId, "half_true", "A later CSTO statement gave 2,030 troops.");
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
