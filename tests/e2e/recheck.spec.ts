import { expect, test } from "@playwright/test";
import { type Database, openDatabase } from "@/db/client";
import { storageState } from "./helpers";
import { makeApprovedArticle, setWorkflowDatabase, TROOPS } from "./workflow-steps";

/**
 * An approved claim goes stale: the editor gives it a re-check date in the past, finds it under
 * "Due for re-check" in the queue and on the dashboard, and re-opens it for the new check. The
 * article is brought to "approved" through the app's own endpoints (workflow-steps.ts); the e2e
 * database is only read.
 */
let database: Database;

test.beforeAll(() => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("recheck.spec.ts needs the PostgreSQL e2e database (E2E_DATABASE_URL)");
  database = openDatabase({ url, max: 2 });
  setWorkflowDatabase(database);
});

test.afterAll(async () => {
  await database?.close();
});

test("an editor sets a past re-check date, sees the claim due in the queue and re-opens it", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const article = await makeApprovedArticle(baseURL ?? "");
  const context = await browser.newContext({ storageState: storageState("editor") });
  const page = await context.newPage();
  const claimPath = `/articles/${article.id}/claims/${article.troopsId}`;

  await page.goto(claimPath);
  const panel = page.getByTestId("recheck-panel");
  await expect(panel.getByRole("heading", { name: "Re-check" })).toBeVisible();
  await panel.getByLabel("Re-check on").fill("2024-01-31");
  await panel
    .getByLabel("Reason", { exact: true })
    .fill("The CSTO publishes its contingent figures each year");
  await panel.getByRole("button", { name: "Save re-check date" }).click();
  await expect(panel.getByText("Due for re-check since 2024-01-31.")).toBeVisible();
  await expect(panel).toContainText("The CSTO publishes its contingent figures each year");

  // A reason too long for the field is refused under it, and the date stays as typed.
  await panel.getByLabel("Reason", { exact: true }).fill("x".repeat(301));
  await panel.getByRole("button", { name: "Save re-check date" }).click();
  await expect(panel.getByText("Use at most 300 characters.")).toBeVisible();
  await expect(panel.getByLabel("Re-check on")).toHaveValue("2024-01-31");

  await page.goto("/dashboard");
  await expect(
    page.getByTestId("dashboard-due-for-recheck").getByRole("listitem").filter({
      hasText: article.title,
    }),
  ).toContainText("Due since 2024-01-31");

  await page.goto("/queue");
  await expect(page.getByRole("heading", { name: /Due for re-check/ })).toBeVisible();
  const due = page
    .getByTestId("due-for-recheck")
    .getByRole("listitem")
    .filter({ hasText: article.title });
  await expect(due).toContainText("Due since 2024-01-31");
  await due.getByRole("link", { name: new RegExp(TROOPS) }).click();
  await expect(page).toHaveURL(new RegExp(`${claimPath}$`));

  const reopen = page.getByTestId("recheck-panel");
  await expect(reopen.getByLabel("Reason for re-opening")).toHaveValue(
    "Due for re-check on 2024-01-31: The CSTO publishes its contingent figures each year",
  );
  await reopen.getByRole("button", { name: "Re-open for re-check" }).click();
  await expect(page.getByTestId("claim-status")).toHaveText("In review");
  await expect(reopen.getByText("No re-check date.")).toBeVisible();
  // The approved verdict stays in the history, superseded.
  await page.getByText(/Verdict history/).click();
  await expect(page.getByText("Superseded").first()).toBeVisible();

  await page.goto("/queue");
  await expect(
    page.getByTestId("due-for-recheck").getByRole("listitem").filter({ hasText: article.title }),
  ).toHaveCount(0);
  await context.close();
});
