import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { and, eq, like } from "drizzle-orm";
import { type Database, openDatabase } from "@/db/client";
import { articles, claims } from "@/db/schema";
import { callAction, DEMO_TITLE, type DemoRole, storageState } from "./helpers";
import { linkSameClaim } from "./tracking-steps";
import { makeApprovedArticle, setWorkflowDatabase, TROOPS } from "./workflow-steps";

/**
 * Every page checked with axe-core (WCAG 2.x A and AA rules and axe's best practices): zero
 * violations. The e2e database is only read, for ids.
 */
let database: Database;

async function demoIds() {
  const [row] = await database.db
    .select({ articleId: articles.id, claimId: claims.id })
    .from(articles)
    .innerJoin(claims, eq(claims.articleId, articles.id))
    .where(and(eq(articles.title, DEMO_TITLE), like(claims.text, `%${TROOPS}%`)));
  if (!row) throw new Error("no demo troop-number claim");
  return row;
}

/**
 * A new article one of whose claims had its kind edited: its history then lists a change that
 * records no claim text, whose link had no name. Its claim repeats the approved troop-number
 * claim, so it is also the later appearance of a tracked claim.
 */
async function articleWithEditedClaim(
  browser: Browser,
  baseURL: string,
): Promise<{ articleId: string; claimId: string }> {
  const { context, page } = await as(browser, "reviewer");
  const title = `Axe e2e ${crypto.randomUUID().slice(0, 8)}`;
  const imported = await page.request.post("/api/articles/import", {
    headers: { Origin: baseURL },
    multipart: {
      title,
      text: "Troops numbering around 2,500 personnel arrived on 19 January 2022.",
      publishedOn: "2022-01-15",
    },
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const [row] = await database.db
    .select({ articleId: articles.id, claimId: claims.id, version: claims.version })
    .from(articles)
    .innerJoin(claims, eq(claims.articleId, articles.id))
    .where(eq(articles.title, title));
  if (!row) throw new Error("the import found no claim");
  const result = await callAction(
    page.request,
    `/articles/${row.articleId}`,
    "updateClaimAction",
    [{ claimId: row.claimId, version: row.version, kind: "event" }],
    baseURL,
  );
  expect(result.body).toContain('"ok":true');
  await context.close();
  return { articleId: row.articleId, claimId: row.claimId };
}

async function expectNoViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map(
          (n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`,
        )
        .join("\n")}`,
  );
  expect(found, `${name}: axe violations`).toEqual([]);
}

async function as(browser: Browser, role: DemoRole | null) {
  const context = await browser.newContext({
    storageState: role ? storageState(role) : { cookies: [], origins: [] },
  });
  return { context, page: await context.newPage() };
}

test.describe("accessibility", () => {
  test.beforeAll(() => {
    const url = process.env.E2E_DATABASE_URL;
    if (!url) throw new Error("accessibility.spec.ts needs the PostgreSQL e2e database");
    database = openDatabase({ url, max: 2 });
    setWorkflowDatabase(database);
  });
  test.afterAll(async () => {
    await database?.close();
  });

  test("every page has no axe violations", async ({ browser, baseURL }) => {
    test.setTimeout(300_000);
    const demo = await demoIds();
    const published = await makeApprovedArticle(baseURL ?? "");
    const edited = await articleWithEditedClaim(browser, baseURL ?? "");
    const trackedId = await linkSameClaim(database, baseURL ?? "", edited, published.troopsId);

    const editor = await as(browser, "editor");
    const pages: [string, string][] = [
      ["articles list", "/articles"],
      ["new article", "/articles/new"],
      ["article reader", `/articles/${demo.articleId}`],
      ["article reader with history", `/articles/${edited.articleId}`],
      ["article reader, claim selected", `/articles/${published.id}?claim=${published.troopsId}`],
      ["claim page", `/articles/${demo.articleId}/claims/${demo.claimId}`],
      ["claim page, seen before", `/articles/${edited.articleId}/claims/${edited.claimId}`],
      ["tracked claim", `/tracked/${trackedId}`],
      [
        "approved claim page, re-check panel",
        `/articles/${published.id}/claims/${published.troopsId}`,
      ],
      ["report", `/articles/${demo.articleId}/report`],
      ["queue", "/queue"],
      ["dashboard", "/dashboard"],
      ["claim list", "/claims"],
      ["account", "/account"],
      ["search results", "/search?q=troops+OR+%222%2C500%22&kind=quantity"],
      ["search, no results", "/search?q=zzyzx+troops"],
      ["search, damaged page link", "/search?q=troops&after=damaged"],
    ];
    for (const [name, url] of pages) {
      await editor.page.goto(url);
      await expect(editor.page.locator("main")).toBeVisible();
      await expectNoViolations(editor.page, name);
    }

    // The public report: the editor publishes the approved article, a signed-out reader opens it.
    await editor.page.goto(`/articles/${published.id}/report`);
    await editor.page.getByRole("button", { name: "Publish report" }).click();
    const publicUrl = (await editor.page.getByTestId("public-link").getAttribute("href")) ?? "";
    expect(publicUrl).toMatch(/\/r\//);
    await editor.context.close();

    const admin = await as(browser, "admin");
    await admin.page.goto("/admin/users");
    await expectNoViolations(admin.page, "admin users");
    await admin.page.getByLabel("Name").fill("Axe Checked");
    await admin.page.getByLabel("Email").fill(`axe-${Date.now()}@example.com`);
    await admin.page.getByLabel("Role", { exact: true }).selectOption("reviewer");
    await admin.page.getByLabel("First sign-in").selectOption("set_password_link");
    await admin.page.getByRole("button", { name: "Create user" }).click();
    const link = admin.page.locator("code").filter({ hasText: "/set-password/" });
    const setPasswordUrl = new URL((await link.textContent()) ?? "", baseURL).pathname;
    await admin.context.close();

    const visitor = await as(browser, null);
    for (const [name, url] of [
      ["login", "/login"],
      ["public report", new URL(publicUrl, baseURL).pathname],
      ["set-password", setPasswordUrl],
    ] as const) {
      await visitor.page.goto(url);
      await expect(visitor.page.locator("main")).toBeVisible();
      await expectNoViolations(visitor.page, name);
    }
    await visitor.context.close();
  });

  test.describe("the claim page and the article's kind icons", () => {
    test.use({ storageState: storageState("reviewer") });

    test("the claim page shows the values in words and the check-worthiness score", async ({
      page,
    }) => {
      const demo = await demoIds();
      await page.goto(`/articles/${demo.articleId}/claims/${demo.claimId}`);
      await expect(page.getByTestId("claim-values")).toHaveText("about 2,500 personnel");
      await expect(page.getByTestId("claim-score")).toHaveText(/^\d\.\d\d out of 1$/);
    });

    test("every kind icon has a glyph in the installed fonts (no missing-glyph box)", async ({
      page,
    }) => {
      const demo = await demoIds();
      await page.goto(`/articles/${demo.articleId}`);
      const marks = page.locator("[data-testid=article-text] mark[data-label]");
      await expect(marks.first()).toBeVisible();
      const labels = await marks.evaluateAll((nodes) =>
        nodes.map((n) => ({
          label: n.getAttribute("data-label") ?? "",
          font: getComputedStyle(n, "::after").font,
        })),
      );
      const symbols = [...new Map(labels.map((l) => [l.label, l])).values()];
      expect(symbols.length).toBeGreaterThan(2);
      // A glyph no font has (a noncharacter) draws the missing-glyph box; a symbol that draws the
      // very same pixels in the same font has no glyph either.
      const missing = await page.evaluate((list) => {
        const draw = (text: string, font: string) => {
          const canvas = document.createElement("canvas");
          canvas.width = 64;
          canvas.height = 64;
          const ctx = canvas.getContext("2d");
          if (!ctx) throw new Error("no canvas");
          ctx.font = font;
          ctx.fillText(text, 8, 48);
          return canvas.toDataURL();
        };
        return list
          .filter(({ label, font }) => draw(label, font) === draw("\u{10FFFE}", font))
          .map(({ label }) => label);
      }, symbols);
      expect(missing).toEqual([]);
      const shot = path.join("test-results", "kind-icons.png");
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.getByTestId("article-text").screenshot({ path: shot });
    });
  });
});
