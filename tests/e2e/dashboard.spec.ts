import { expect, type Page, test } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { DEMO_TITLE, expectNotFoundPage, storageState } from "./helpers";
import { makeApprovedArticle, setWorkflowDatabase } from "./workflow-steps";

/** The count a funnel row shows in the table view, e.g. "Open" → 12. */
async function funnelCount(page: Page, status: string): Promise<number> {
  const table = page.getByRole("table", { name: "Claims by status" });
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: status, exact: true }) });
  return Number((await row.getByRole("link").textContent()) ?? "");
}

async function claimsInPeriod(page: Page): Promise<number> {
  const text = (await page.locator("#funnel ~ p").first().textContent()) ?? "";
  // Thousands separators first: "2,031 claims" is 2031, not 2.
  return Number(text.replace(/,/g, "").replace(/[^\d].*$/, ""));
}

test.describe("dashboard", () => {
  test.describe("as the demo editor", () => {
    test.use({ storageState: storageState("editor") });

    test("counts the demo article's claims, and each number leads to those claims", async ({
      page,
    }) => {
      // The figures are hydrated from their numbers, not their markup: a mismatch would log here.
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto("/dashboard");
      await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(errors).toEqual([]);
      await page.getByText("Table view: Workflow funnel").click();
      const open = await funnelCount(page, "Open");
      expect(open).toBeGreaterThan(0);
      // The demo article is listed with its claims, linking to the article.
      const article = page.getByRole("table", { name: "Progress by article" }).getByRole("row", {
        name: new RegExp(DEMO_TITLE.slice(0, 30)),
      });
      await expect(article.getByRole("link", { name: DEMO_TITLE })).toHaveAttribute(
        "href",
        /^\/articles\/[0-9a-f-]{36}$/,
      );
      // The funnel's "Open" number opens the claim list with that filter.
      await page
        .getByRole("table", { name: "Claims by status" })
        .getByRole("row", { name: /^Open/ })
        .getByRole("link")
        .click();
      await expect(page).toHaveURL(/\/claims\?.*status=open/);
      await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();
      const listed = await page
        .getByRole("table", { name: "Claims matching the filters" })
        .locator("tbody tr")
        .count();
      expect(listed).toBe(Math.min(open, 50));
    });

    test("a claim approved through the workflow is counted, with its rating", async ({
      page,
      baseURL,
    }) => {
      const url = process.env.E2E_DATABASE_URL;
      if (!url) throw new Error("this test reads ids from the PostgreSQL e2e database");
      const database = openDatabase({ url, max: 1 });
      try {
        setWorkflowDatabase(database);
        await page.goto("/dashboard");
        await page.getByText("Table view: Workflow funnel").click();
        const approvedBefore = await funnelCount(page, "Approved");
        await makeApprovedArticle(baseURL ?? "");
        await page.reload();
        await page.getByText("Table view: Workflow funnel").click();
        expect(await funnelCount(page, "Approved")).toBe(approvedBefore + 1);
        await page.goto("/dashboard?rating=mostly_true");
        await page.getByText("Table view: Workflow funnel").click();
        expect(await funnelCount(page, "Approved")).toBeGreaterThanOrEqual(1);
      } finally {
        await database.close();
      }
    });

    test("a filter change updates the URL and the figures", async ({ page }) => {
      await page.goto("/dashboard");
      const before = await claimsInPeriod(page);
      expect(before).toBeGreaterThan(0);
      await page.getByLabel("Claim kind").selectOption("quantity");
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(/[?&]kind=quantity/);
      const quantity = await claimsInPeriod(page);
      expect(quantity).toBeGreaterThan(0);
      expect(quantity).toBeLessThan(before);
      // A shared link with the filter shows the same figures.
      const url = page.url();
      await page.goto(url);
      expect(await claimsInPeriod(page)).toBe(quantity);
      // An empty period explains itself.
      await page.goto("/dashboard?from=2001-01-01&to=2001-01-14");
      await expect(page.getByRole("heading", { name: "No claims in this period" })).toBeVisible();
    });

    test("the claim list downloads its filtered rows as CSV", async ({ page }) => {
      await page.goto("/claims?kind=quantity&sort=score");
      const rows = await page
        .getByRole("table", { name: "Claims matching the filters" })
        .locator("tbody tr")
        .count();
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download CSV" }).click();
      const file = await (await download).createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of file) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString("utf8");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).trim().split("\r\n");
      expect(lines[0]).toMatch(/^claim_id,article_id,article_title/);
      expect(lines.length - 1).toBeGreaterThanOrEqual(Math.min(rows, 1));
      expect(lines.slice(1).every((line) => line.includes(",quantity,"))).toBe(true);
    });

    test("reads at 1280 px and at 200% zoom without sideways scrolling", async ({ page }) => {
      for (const width of [1280, 640]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/dashboard");
        await expect(page.getByRole("heading", { name: "Workflow funnel" })).toBeVisible();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `test-results/dashboard-${width}.png`, fullPage: true });
      }
    });
  });

  test.describe("as a reviewer", () => {
    test.use({ storageState: storageState("reviewer") });

    test("gets the not-found page for the dashboard and the claim list, and no CSV", async ({
      page,
      request,
    }) => {
      await page.goto("/dashboard");
      await expectNotFoundPage(page);
      await page.goto("/claims");
      await expectNotFoundPage(page);
      const csv = await request.get("/claims/export");
      expect(csv.status()).toBe(404);
    });
  });
});
