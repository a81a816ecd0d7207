import fs from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { callAction, DEMO, DEMO_TITLE, storageState } from "./helpers";

const DEMO_FILE = "db/demo/kazakhstan-csto/article.txt";
const demoText = fs.readFileSync(DEMO_FILE, "utf8");
const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Imports pasted text through the form and waits for the article page. */
async function importPasted(page: Page, title: string, text: string) {
  await page.goto("/articles/new");
  await page.getByLabel("Text", { exact: true }).fill(text);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url().split("/").pop() as string;
}

/** Selects `phrase` in the rendered article text the way a mouse drag would. */
async function selectInArticle(page: Page, phrase: string) {
  await page.getByTestId("article-text").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
    }
    throw new Error(`not found: ${wanted}`);
  }, phrase);
}

/** A page signed in as the editor, in a browser context of its own (close: page.context()). */
async function editorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState("editor") });
  return context.newPage();
}

/** In the claim editor: adds a value named `name` and saves kind and values. */
async function addValueAndSave(page: Page, name: string, value: string) {
  await page.getByRole("button", { name: "Add a value" }).click();
  await page.getByLabel("Name", { exact: true }).last().fill(name);
  await page.getByLabel("Value", { exact: true }).last().fill(value);
  await page.getByRole("button", { name: "Save kind and values" }).click();
}

/** What the claim editor's value fields hold. */
function valuesTyped(page: Page): Promise<string[]> {
  return page
    .getByLabel("Value", { exact: true })
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

test.describe("articles", () => {
  test.use({ storageState: storageState("reviewer") });

  test("a reviewer imports the demo article from its .txt file and works its claims", async ({
    page,
  }) => {
    // The demo article is seeded, so the file itself is offered as the existing article...
    await page.goto("/articles/new");
    await page.getByLabel("Upload a file").check();
    await page.getByLabel("File", { exact: true }).setInputFiles(DEMO_FILE);
    await expect(page.getByLabel("Title")).toHaveValue("article");
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "already here" })).toBeVisible();
    await expect(page.getByRole("link", { name: DEMO_TITLE })).toBeVisible();

    // ...and a copy with one line of its own is imported as a new article.
    const title = `Kazakhstan e2e ${unique()}`;
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "kazakhstan-copy.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(`${demoText}\nImported by the e2e test as ${title}.\n`, "utf8"),
    });
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Outlet").fill("India Narrative");
    await page.getByLabel("Published on").fill("2022-01-15");
    await page.getByLabel("The date is approximate").check();
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

    const text = page.getByTestId("article-text");
    await expect(
      text.locator('mark[data-kind="quantity"]', { hasText: "2,500 personnel" }),
    ).toBeVisible();
    await expect(text.locator('mark[data-kind="date"]', { hasText: "19 January" })).toBeVisible();
    await expect(
      text.locator('mark[data-kind="legal"]', {
        hasText: "Article 4 of the Collective Security Treaty",
      }),
    ).toBeVisible();

    // Clicking a highlight selects the claim in the list.
    await text.locator("mark", { hasText: "Article 4 of the Collective" }).click();
    await expect(page.locator('li[data-claim-item] button[aria-current="true"]')).toContainText(
      "Article 4 of the Collective Security Treaty",
    );

    // A manual claim from a selection.
    await selectInArticle(page, "Russia acted with alacrity to curb the unrest");
    const add = page.getByRole("form", { name: "Add a claim from the selection" });
    await expect(add).toContainText("Russia acted with alacrity to curb the unrest");
    await add.getByLabel("Kind of the new claim").selectOption("event");
    await add.getByRole("button", { name: "Add a value" }).click();
    await add.getByLabel("Name", { exact: true }).fill("actor");
    await add.getByLabel("Value", { exact: true }).fill("Russia");
    await add.getByRole("button", { name: "Add claim" }).click();
    const manual = page.locator("li[data-claim-item]", {
      hasText: "Russia acted with alacrity to curb the unrest",
    });
    await expect(manual).toContainText("added by hand");
    await expect(
      text.locator('mark[data-kind="event"]', { hasText: "Russia acted with alacrity" }),
    ).toBeVisible();

    // Dismiss one with a reason.
    await page
      .locator("li[data-claim-item]", { hasText: "The arrival of these troops were not welcome" })
      .getByRole("button")
      .first()
      .click();
    await page.getByLabel("Dismiss reason").selectOption("opinion");
    await page.getByRole("button", { name: "Dismiss claim" }).click();
    await expect(
      page.locator("li[data-claim-item]", { hasText: "The arrival of these troops" }),
    ).toContainText("Dismissed");
    await expect(page.getByTestId("history")).toContainText("dismissed a claim");
    await expect(page.getByTestId("history")).toContainText("added a claim");

    // Filters live in the URL; j/k move through the claims, Enter opens one.
    await page.getByLabel("Filter by status").selectOption("dismissed");
    await expect(page).toHaveURL(/status=dismissed/);
    await expect(page.locator("li[data-claim-item]")).toHaveCount(1);
    await page.getByLabel("Filter by status").selectOption("");
    await page.getByLabel("Filter by kind").selectOption("quote");
    await expect(page).toHaveURL(/kind=quote/);
    await page.locator("h1").click();
    await page.keyboard.press("j");
    const current = page.locator('li[data-claim-item] button[aria-current="true"]');
    await expect(current).toContainText("Nursultan Nazarbayev");
    await page.keyboard.press("j");
    // The next quotation, whichever it is: the extractor decides how many there are.
    await expect(current).not.toContainText("Nursultan Nazarbayev");
    await expect(current).toContainText("Quote");
    await page.keyboard.press("k");
    await expect(current).toContainText("Nursultan Nazarbayev");
    await expect(text.locator('mark[aria-current="true"]').first()).toContainText("Nursultan");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}\/claims\/[0-9a-f-]{36}$/);
  });

  test("two people editing one claim: the second sees who changed it and keeps their text", async ({
    browser,
    page,
  }) => {
    const title = `Conflict ${unique()}`;
    const articleId = await importPasted(
      page,
      title,
      `Officials said 2,500 troops arrived on 6 January 2022. Run ${title}.`,
    );
    const other = await editorPage(browser as Browser);
    for (const p of [page, other]) {
      await p.goto(`/articles/${articleId}`);
      await p.locator("li[data-claim-item] button").first().click();
      await expect(p.getByRole("heading", { name: "Edit the selected claim" })).toBeVisible();
    }
    // The reviewer saves first.
    await addValueAndSave(page, "note", "checked by the reviewer");
    await expect(page.getByText("Claim saved.")).toBeVisible();

    // The editor, still on the old version, types and saves.
    await addValueAndSave(other, "note", "the editor's own wording");
    const alert = other.getByRole("alert").filter({ hasText: "changed by" });
    await expect(alert).toContainText(`This claim was changed by ${DEMO.reviewer.name} at`);
    await expect(alert).toContainText("checked by the reviewer");
    await expect.poll(() => valuesTyped(other)).toContain("the editor's own wording");

    // Applying it again over the newer version works.
    await other.getByRole("button", { name: "Apply my change again" }).click();
    await expect(other.getByText("Claim saved.")).toBeVisible();
    await other.reload();
    await other.locator("li[data-claim-item] button").first().click();
    await expect.poll(() => valuesTyped(other)).toContain("the editor's own wording");
    await other.context().close();
  });

  test("a stale edit of an article's details names who changed it and keeps the typed title", async ({
    browser,
    page,
  }) => {
    const title = `Details ${unique()}`;
    const articleId = await importPasted(
      page,
      title,
      `The port handled 7 ships on 2 May 2021. ${title}.`,
    );
    const other = await editorPage(browser);
    await other.goto(`/articles/${articleId}`);
    await other.getByRole("button", { name: "Edit details" }).click();
    await page.getByRole("button", { name: "Edit details" }).click();
    await page.getByLabel("Outlet").fill("Harbour Times");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText("Details saved.")).toBeVisible();
    await other.getByLabel("Title").fill(`${title} (edited)`);
    await other.getByRole("button", { name: "Save details" }).click();
    await expect(other.getByRole("alert").filter({ hasText: "changed by" })).toContainText(
      `This article was changed by ${DEMO.reviewer.name} at`,
    );
    await expect(other.getByRole("alert").filter({ hasText: "changed by" })).toContainText(
      "Harbour Times",
    );
    await expect(other.getByLabel("Title")).toHaveValue(`${title} (edited)`);
    await other.getByRole("button", { name: "Save details" }).click();
    await expect(other.getByRole("heading", { level: 1 })).toHaveText(`${title} (edited)`);
    await expect(other.getByTestId("history")).toContainText(
      "Eddie Editor edited the article's details",
    );
    await other.context().close();
  });

  test("hostile text and metadata are stored as given and shown as text; javascript: URLs are refused", async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const id = unique();
    const hostile = `<script>window.__pwned = 1; alert("script")</script> <img src=x onerror="alert('img')"> <a href="javascript:alert('link')">click</a> </textarea><b>bold</b> ${id}`;
    await page.goto("/articles/new");
    await page
      .getByLabel("Text", { exact: true })
      .fill(`${hostile}\n\nThe council said 40 buses ran on 1 June 2020.`);
    await page.getByLabel("Title").fill(`Hostile ${hostile}`);
    await page.getByLabel("Outlet").fill("<img src=x onerror=alert('outlet')>");
    await page.getByLabel("URL").fill("javascript:alert('url')");
    await page.getByRole("button", { name: "Import" }).click();
    await expect(
      page.getByText("Use a web address starting with http:// or https://."),
    ).toBeVisible();
    await page.getByLabel("URL").fill(`https://example.org/${id}?q=<script>`);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hostile ${hostile}`);
    await expect(page.getByTestId("article-text")).toContainText(hostile);
    await expect(page.getByText("<img src=x onerror=alert('outlet')>")).toBeVisible();
    expect(await page.locator("main script").count()).toBe(0);
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.locator("main b", { hasText: "bold" }).count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    // The article list shows the title as text too.
    await page.goto(`/articles?q=${encodeURIComponent(id)}`);
    await expect(page.getByRole("link", { name: `Hostile ${hostile}` })).toBeVisible();
    expect(await page.locator("main script").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test("a long import shows progress and finishes even when the user leaves the page", async ({
    page,
  }) => {
    const title = `Long import ${unique()}`;
    let body = "";
    for (let i = 0; body.length < 900_000; i++) body += `${demoText}\nCopy ${i} of ${title}.\n\n`;
    await page.goto("/articles/new");
    await page.getByLabel("Upload a file").check();
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "long.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(body, "utf8"),
    });
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Processing" })).toContainText(
      "You can leave this page",
    );
    // Leave through the app's own navigation while the server is still working.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Articles" })
      .click();
    await expect(page).toHaveURL(/\/articles$/);
    await expect(async () => {
      await page.goto(`/articles?q=${encodeURIComponent(title)}`);
      await expect(page.getByRole("link", { name: title })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 45_000 });
  });

  test("the import endpoint refuses cross-site posts and visitors without a session", async ({
    page,
    playwright,
    baseURL,
  }) => {
    await page.goto("/articles");
    const crossSite = await page.request.post("/api/articles/import", {
      headers: { Origin: "https://evil.example" },
      multipart: { title: "Cross-site", text: `Forged ${unique()}: 3 ships.` },
    });
    expect(crossSite.status()).toBe(403);
    const anonymous = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const signedOut = await anonymous.post("/api/articles/import", {
      headers: { Origin: baseURL ?? "" },
      multipart: { title: "Anonymous", text: `Anonymous ${unique()}: 3 ships.` },
    });
    expect(signedOut.status(), await signedOut.text()).toBe(401);
    await anonymous.dispose();
  });

  test("every article and claim action refuses a caller without a session and writes nothing", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const title = `Forged ${unique()}`;
    const articleId = await importPasted(
      page,
      title,
      `Officials said 2,500 troops arrived on 6 January 2022. They left by 19 January. ${title}.`,
    );
    await expect(page.locator("li[data-claim-item]").first()).toBeVisible();
    const ids = await page
      .locator("li[data-claim-item]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-claim-item") ?? ""));
    expect(ids.length).toBeGreaterThanOrEqual(1);
    const [claimId, otherId = claimId] = ids;
    // The import's own rows (the import, and the matches with earlier articles when there are
    // some): whatever they are, the forged calls below must add none.
    const historyRows = await page.getByTestId("history").locator("li").count();
    expect(historyRows).toBeGreaterThanOrEqual(1);
    const forged = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { Cookie: "authjs.session-token=forged.not-a-jwt" },
    });
    const calls: [string, unknown][] = [
      ["addClaimAction", { articleId, start: 0, end: 9, text: "Officials", kind: "statement" }],
      ["updateClaimAction", { claimId, version: 1, kind: "event" }],
      ["splitClaimAction", { claimId, version: 1, at: 10 }],
      ["mergeClaimsAction", { claimId, version: 1, otherId, otherVersion: 1 }],
      ["dismissClaimAction", { claimId, version: 1, reason: "opinion" }],
      ["restoreClaimAction", { claimId, version: 1 }],
      ["updateArticleAction", { articleId, version: 1, title: "Taken over" }],
      ["deleteArticleAction", { articleId, version: 1 }],
    ];
    for (const [name, input] of calls) {
      const result = await callAction(
        forged,
        `/articles/${articleId}`,
        name,
        [input],
        baseURL ?? "",
      );
      expect(result.body, name).toContain('"code":"unauthenticated"');
    }
    await forged.dispose();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId("history").locator("li")).toHaveCount(historyRows);
  });

  test("the article page and the import form fit a 390 px phone, list stacked under the text", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/articles", "/articles/new"]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto("/articles");
    await page.getByRole("link", { name: DEMO_TITLE }).click();
    await expect(page.getByTestId("article-text")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const text = await page.getByTestId("article-text").boundingBox();
    const list = await page.getByRole("region", { name: /^Claims/ }).boundingBox();
    expect(list && text && list.y > text.y).toBe(true);
  });

  test("an editor deletes an article after confirming; a reviewer has no delete button", async ({
    page,
    browser,
  }) => {
    const title = `To delete ${unique()}`;
    const articleId = await importPasted(
      page,
      title,
      `The port handled 7 ships on 2 May 2021. ${title}`,
    );
    await expect(page.getByRole("button", { name: "Delete article" })).toHaveCount(0);
    const editor = await editorPage(browser);
    await editor.goto(`/articles/${articleId}`);
    await editor.getByRole("button", { name: "Delete article" }).click();
    const dialog = editor.getByRole("dialog", { name: "Delete this article?" });
    await expect(dialog).toContainText(title);
    await dialog.getByRole("button", { name: "Delete for good" }).click();
    await expect(editor).toHaveURL(/\/articles\?deleted=1$/);
    await editor.goto(`/articles/${articleId}`);
    await expect(editor.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await editor.context().close();
  });
  test("low-priority claims are kept, collapsed below the others and filterable", async ({
    page,
  }) => {
    await page.goto("/articles");
    await page.getByRole("link", { name: DEMO_TITLE }).click();
    await expect(page.getByRole("heading", { level: 1, name: DEMO_TITLE })).toBeVisible();
    const group = page.locator("details[data-low-priority-group]");
    const summary = group.locator("summary");
    await expect(summary).toContainText(/Low priority \(\d+\)/);
    const lowList = page.getByRole("list", { name: "Low-priority claims in text order" });
    await expect(lowList).toBeHidden();
    const main = page.getByRole("list", { name: "Claims in text order" });
    await expect(main.getByText("· low priority")).toHaveCount(0);

    // Opening the group by keyboard shows its claims, each marked low priority.
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(lowList).toBeVisible();
    const lowCount = await lowList.locator("li").count();
    expect(lowCount).toBeGreaterThan(0);
    await expect(lowList.getByText("· low priority")).toHaveCount(lowCount);

    // The filter shows only that band, in one list, and the address keeps it.
    await page.getByLabel("Filter by priority").selectOption("low");
    await expect(page).toHaveURL(/[?&]priority=low/);
    await expect(group).toHaveCount(0);
    await expect(main.locator("li")).toHaveCount(lowCount);
    await page.reload();
    await expect(page.getByLabel("Filter by priority")).toHaveValue("low");
    await expect(main.locator("li")).toHaveCount(lowCount);
  });
});
