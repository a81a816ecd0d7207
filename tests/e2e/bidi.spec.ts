import { type Browser, expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { type Database, openDatabase } from "@/db/client";
import { articles, comments, sources, users } from "@/db/schema";
import { DEMO, type DemoRole, storageState } from "./helpers";
import { makeApprovedArticle, setWorkflowDatabase } from "./workflow-steps";

/**
 * Bidirectional-text spoofing (policy in lib/bidi.ts): a RIGHT-TO-LEFT OVERRIDE in a title, a name,
 * a source and a comment must not reorder the words the page prints after it. The article goes
 * through the app's own import and actions; the overrides are then written straight into the
 * database, as text stored before any input rule (or by another client) would be, and the
 * reviewer's name is put back afterwards.
 */
const RLO = "\u202E";
let database: Database;

/**
 * Text nodes holding a control that are not alone in an isolating element (an inline element
 * with unicode-bidi isolate, or a block of their own): those could reorder the words around them.
 */
async function leakingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (!/[\u202A-\u202E\u2066-\u2069]/.test(text.data)) continue;
      const el = text.parentElement;
      if (!el || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      const isolating =
        ["isolate", "isolate-override", "plaintext"].includes(style.unicodeBidi) ||
        style.display !== "inline";
      if (!isolating || el.textContent !== text.data) out.push(el.outerHTML.slice(0, 300));
    }
    return out;
  });
}

async function as(browser: Browser, role: DemoRole) {
  const context = await browser.newContext({ storageState: storageState(role) });
  return { context, page: await context.newPage() };
}

test.describe("bidirectional controls in pages", () => {
  let reviewerId = "";
  test.beforeAll(() => {
    const url = process.env.E2E_DATABASE_URL;
    if (!url) throw new Error("bidi.spec.ts needs the PostgreSQL e2e database");
    database = openDatabase({ url, max: 2 });
    setWorkflowDatabase(database);
  });
  test.afterAll(async () => {
    if (reviewerId) {
      await database.db
        .update(users)
        .set({ name: DEMO.reviewer.name })
        .where(eq(users.id, reviewerId));
    }
    await database?.close();
  });

  test("an override in titles, names, sources and comments reaches nothing around it", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const article = await makeApprovedArticle(baseURL ?? "");
    const [reviewer] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO.reviewer.email));
    if (!reviewer) throw new Error("no demo reviewer");
    reviewerId = reviewer.id;
    await database.db
      .update(articles)
      .set({
        title: `${article.title} ${RLO}rebmuN`,
        outlet: `Outlet ${RLO}gnp.exe`,
        author: `Author${RLO}`,
      })
      .where(eq(articles.id, article.id));
    await database.db
      .update(sources)
      .set({ title: `Source ${RLO}eltit`, publisher: `Publisher${RLO}` })
      .where(eq(sources.claimId, article.troopsId));
    await database.db
      .insert(comments)
      .values({ claimId: article.troopsId, authorId: reviewer.id, body: `Comment ${RLO}txet` });
    await database.db
      .update(users)
      .set({ name: `${DEMO.reviewer.name}${RLO}` })
      .where(eq(users.id, reviewer.id));

    const editor = await as(browser, "editor");
    const pages = [
      "/articles",
      `/articles?q=${encodeURIComponent(article.title)}`,
      `/articles/${article.id}`,
      `/articles/${article.id}/claims/${article.troopsId}`,
      `/articles/${article.id}/report`,
      "/queue",
      "/dashboard",
      "/claims",
    ];
    const problems: Record<string, string[]> = {};
    let seen = 0;
    for (const url of pages) {
      await editor.page.goto(url);
      await expect(editor.page.locator("main")).toBeVisible();
      const html = await editor.page.content();
      if (html.includes(RLO)) seen++;
      const leaks = await leakingText(editor.page);
      if (leaks.length) problems[url] = leaks;
    }
    await editor.context.close();
    const admin = await as(browser, "admin");
    await admin.page.goto("/admin/users");
    if ((await admin.page.content()).includes(RLO)) seen++;
    const adminLeaks = await leakingText(admin.page);
    if (adminLeaks.length) problems["/admin/users"] = adminLeaks;
    await admin.context.close();

    expect(problems).toEqual({});
    // The controls are shown (isolated), not silently dropped, on the pages that show them.
    expect(seen).toBeGreaterThanOrEqual(5);
  });
});
