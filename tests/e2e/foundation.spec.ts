import { expect, test } from "@playwright/test";
import { DEMO_TITLE, storageState } from "./helpers";

test.describe("foundation", () => {
  test("the health endpoint reports the database and its migrations", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(["pglite", "postgresql"]).toContain(body.database);
    expect(body.migrations).toBeGreaterThanOrEqual(1);
  });

  test("a signed-out visitor to the home page is sent to sign in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Claimtrack" })).toBeVisible();
  });

  test.describe("signed in", () => {
    test.use({ storageState: storageState("reviewer") });

    test("the home page leads to the article list, which shows the demo article", async ({
      page,
    }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/articles$/);
      await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
      await expect(page.getByRole("link", { name: DEMO_TITLE })).toBeVisible();
    });

    test("the shell works on a 390 px phone and is reachable by keyboard", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/articles");
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
});
