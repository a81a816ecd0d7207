import { expect, type Page, test } from "@playwright/test";
import { storageState } from "./helpers";

test.use({ storageState: storageState("reviewer") });

/** A word no other test writes, so this test's article is the only one to match it. */
const word = `Quorvik${Math.random().toString(36).slice(2, 8).replace(/\d/g, "x")}`;
const sentence = `Around 2,500 ${word} peacekeepers arrived in Almaty on 19 January 2022.`;

/** Presses Tab until the focus is on a link that matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test.describe("search", () => {
  test.beforeAll(async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: storageState("reviewer") });
    const imported = await context.request.post("/api/articles/import", {
      headers: { Origin: baseURL ?? "" },
      multipart: { title: `Search e2e ${word}`, text: sentence, publishedOn: "2022-01-20" },
    });
    expect(imported.status(), await imported.text()).toBe(200);
    await context.close();
  });

  test("a reviewer searches from any page with the keyboard and follows a result", async ({
    page,
  }) => {
    await page.goto("/queue");
    // "/" focuses the header's search box from anywhere on the page, once the page's script has
    // loaded (a key pressed before that does nothing, so it is pressed again).
    await expect(async () => {
      await page.keyboard.press("/");
      await expect(page.locator("#site-search")).toBeFocused({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    // A retried press may have typed a slash into the box: start from an empty box.
    await page.locator("#site-search").fill("");
    await page.keyboard.type(`"${word} peacekeepers" OR nothingelse`);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.locator("#search-q")).toHaveValue(`"${word} peacekeepers" OR nothingelse`);

    const results = page.getByTestId("search-results");
    const first = results.locator("li").first();
    await expect(first).toContainText(sentence);
    await expect(first.locator("mark")).toHaveText([word, "peacekeepers"]);
    await expect(page.getByRole("link", { name: /^Claims \(1\)$/ })).toBeVisible();

    // On the search page "/" goes to the page's own box; typed inside a box it is just a slash.
    await page.keyboard.press("/");
    await expect(page.locator("#search-q")).toBeFocused();
    await page.keyboard.press("End");
    await page.keyboard.type(" a/b");
    await expect(page.locator("#search-q")).toHaveValue(
      `"${word} peacekeepers" OR nothingelse a/b`,
    );

    // Tab from the box to the first result and open it with Enter.
    await tabTo(page, "[data-testid=search-results] li:first-child h3 a");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}\/claims\/[0-9a-f-]{36}$/);
    await expect(page.getByText(sentence).first()).toBeVisible();
  });

  test("filters live in the address, and empty, stop-word and broken searches explain themselves", async ({
    page,
  }) => {
    await page.goto(`/search?q=${word}&type=claims&kind=quantity&from=2022-01-01`);
    await expect(page.getByTestId("search-results").locator("li")).toHaveCount(1);
    await expect(page.locator("#search-kind")).toHaveValue("quantity");

    await page.goto(`/search?q=${word}&status=dismissed`);
    await expect(page.getByRole("heading", { name: `No results for “${word}”` })).toBeVisible();
    await expect(page.getByText("Clear a filter or widen the dates.")).toBeVisible();

    await page.goto("/search?q=the+of+and");
    await expect(page.getByRole("heading", { name: /Nothing to search for/ })).toBeVisible();

    await page.goto(`/search?q=-${word}`);
    await expect(page.getByRole("heading", { name: /only leaves words out/ })).toBeVisible();

    const damaged = await page.goto(`/search?q=${word}&after=not-a-cursor`);
    expect(damaged?.status()).toBe(200);
    await expect(page.locator("main").getByRole("alert")).toContainText("damaged");
    await expect(page.getByRole("link", { name: "First page of this search" })).toBeVisible();

    const long = await page.goto(`/search?q=${"x".repeat(10_000)}`);
    expect(long?.status()).toBe(200);
    await expect(page.getByText("Keep the search to 200 characters or fewer.")).toBeVisible();

    const hostile = await page.goto(
      `/search?q=${encodeURIComponent(`<img src=x onerror="document.title='pwned'"> ${word}`)}`,
    );
    expect(hostile?.status()).toBe(200);
    await expect(page.locator("#search-q")).toHaveValue(
      `<img src=x onerror="document.title='pwned'"> ${word}`,
    );
    expect(await page.title()).not.toBe("pwned");
    await expect(page.locator("main img")).toHaveCount(0);
  });
});
