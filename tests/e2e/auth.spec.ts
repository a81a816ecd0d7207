import { expect, test } from "@playwright/test";
import { DEMO, expectNotFoundPage, signIn, storageState } from "./helpers";

test.describe("sign-in page", () => {
  test("a wrong password gets one clear message that does not say whether the email exists", async ({
    page,
  }) => {
    const message = page.locator("#login-error");
    await signIn(page, DEMO.reviewer.email, "not-the-password");
    await expect(message).toHaveText("Email or password is incorrect.");
    await signIn(page, "nobody-here@example.com", "not-the-password");
    await expect(message).toHaveText("Email or password is incorrect.");
  });

  test("after sign-in the user lands where they were going, never on another origin", async ({
    page,
  }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount/);
    await page.getByLabel("Email").fill(DEMO.editor.email);
    await page.getByLabel("Password").fill(DEMO.editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);

    // Another origin, absolute or protocol-relative: the articles list instead.
    for (const callbackUrl of ["https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example%2Fx"]) {
      await page.context().clearCookies();
      await signIn(
        page,
        DEMO.editor.email,
        DEMO.editor.password,
        `/login?callbackUrl=${callbackUrl}`,
      );
      await expect(page).toHaveURL(/localhost:\d+\/articles$/);
    }
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
    await signIn(page, DEMO.reviewer.email, DEMO.reviewer.password);
    await expect(page).toHaveURL(/\/articles$/);
    const cookie = (await page.context().cookies()).find((c) =>
      c.name.includes("authjs.session-token"),
    );
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });

  test("every response carries the security headers with a fresh CSP nonce", async ({
    request,
  }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    for (const part of ["object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"])
      expect(csp).toContain(part);
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(first.headers()["strict-transport-security"]).toContain("max-age=");
    const health = await request.get("/api/health");
    expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("roles", () => {
  test.describe("reviewer", () => {
    test.use({ storageState: storageState("reviewer") });
    test("does not see the admin page and gets the not-found page at its URL", async ({ page }) => {
      await page.goto("/articles");
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }),
      ).toHaveCount(0);
      const response = await page.goto("/admin/users");
      expect(response?.status()).toBe(404);
      await expectNotFoundPage(page);
    });
  });

  test.describe("admin", () => {
    test.use({ storageState: storageState("admin") });
    test("creates a reviewer who then signs in with the one-time password", async ({
      page,
      browser,
    }) => {
      const email = `new-reviewer-${Date.now()}@example.com`;
      await page.goto("/admin/users");
      await page.getByLabel("Name").fill("Nadia New");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Role", { exact: true }).selectOption("reviewer");
      await page.getByRole("button", { name: "Create user" }).click();
      const password = (await page.getByTestId("one-time-password").textContent()) ?? "";
      expect(password).toMatch(/^[a-z2-9-]{23}$/);
      await expect(page.getByRole("cell", { name: email })).toBeVisible();

      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const other = await context.newPage();
      await signIn(other, email, password);
      await expect(other).toHaveURL(/\/articles$/);
      await expect(other.getByText("Nadia New")).toBeVisible();
      await context.close();
    });
  });
});
