import { type Browser, expect, type Page, test } from "@playwright/test";
import { callAction, DEMO, DEMO_TITLE, type DemoRole, storageState } from "./helpers";

// One claim travels through the whole workflow, so these run in order and share what they find.
test.describe.configure({ mode: "serial" });

const TROOPS = /Troops numbering around 2,500 personnel/;
const MASIMOV = /Karim Masimov, the former head of Kazakh state security/;
let troopsUrl = "";

async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

async function openFromQueue(page: Page, list: string, text: RegExp) {
  await page.goto("/queue");
  // Other specs import articles of their own; this one works on the demo article only.
  await page
    .getByTestId(list)
    .getByRole("listitem")
    .filter({ hasText: DEMO_TITLE })
    .getByRole("link", { name: text })
    .click();
  await expect(page.getByRole("heading", { name: "Claim", exact: true })).toBeVisible();
}

const RATIONALE =
  "Russian and CSTO statements at the time put the deployment at about 2,500 troops; later figures differ slightly, so the claim is mostly accurate.";

test("the reviewer takes the troop-number claim, adds a source and proposes Mostly true", async ({
  browser,
}) => {
  const page = await as(browser, "reviewer");
  await openFromQueue(page, "open-claims", TROOPS);
  troopsUrl = page.url();
  await expect(page.locator("mark")).toHaveText(TROOPS);
  await expect(page.getByTestId("claim-status")).toHaveText("Open");

  await page.getByRole("button", { name: "Take this claim" }).click();
  await expect(page.getByTestId("claim-status")).toHaveText("In review");
  await expect(page.getByTestId("claim-assignee")).toHaveText(DEMO.reviewer.name);

  // Proposing before any source is refused with a clear message.
  await page.getByLabel("Rating").selectOption({ label: "Mostly true" });
  await page.getByLabel("Rationale").fill(RATIONALE);
  await page.getByRole("button", { name: "Propose verdict" }).click();
  await expect(
    page.getByText("Add at least one source before proposing a verdict.").first(),
  ).toBeVisible();
  await expect(page.getByTestId("claim-status")).toHaveText("In review");

  await page.getByRole("button", { name: "Add a source" }).click();
  // A javascript: URL is refused at the field, and what was typed stays.
  await page.getByLabel("URL").fill("javascript:alert(document.cookie)");
  await page.getByLabel("Title").fill("CSTO statement on the peacekeeping contingent");
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(
    page.getByText("Enter a web address starting with http:// or https://."),
  ).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(
    "CSTO statement on the peacekeeping contingent",
  );

  await page.getByLabel("URL").fill("https://en.odkb-csto.org/news/");
  await page.getByLabel("Publisher").fill("CSTO");
  await page.getByLabel("Source type").selectOption({ label: "Official statement" });
  await page.getByLabel("Stance").selectOption({ label: "Supports" });
  await page
    .getByLabel("Excerpt")
    .fill("The total number of the contingent is about 2,500 people.");
  await page.getByLabel("Accessed on").fill("2022-01-20");
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(
    page.getByRole("link", { name: "CSTO statement on the peacekeeping contingent" }),
  ).toHaveAttribute("href", "https://en.odkb-csto.org/news/");

  // The verdict form kept the rating and rationale through the refusal.
  await expect(page.getByLabel("Rationale")).toHaveValue(RATIONALE);
  await page.getByRole("button", { name: "Propose verdict" }).click();
  await expect(page.getByTestId("claim-status")).toHaveText("Pending approval");
  await expect(page.getByText("Pending approval: Mostly true")).toBeVisible();
  await page.context().close();
});

test("hostile text in sources and comments is shown as text", async ({ browser }) => {
  const page = await as(browser, "reviewer");
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(troopsUrl);
  const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script> @${DEMO.editor.name} please look`;
  await page.getByLabel("New comment").fill(hostile);
  await page.getByRole("button", { name: "Add comment" }).click();
  const comments = page.getByRole("region", { name: "Comments" });
  await expect(comments.getByText(hostile.trim(), { exact: true })).toBeVisible();
  await expect(
    page.getByTestId("timeline").getByText(hostile.trim(), { exact: true }),
  ).toBeVisible();
  await expect(page.getByText(`Mentions: ${DEMO.editor.name}`)).toBeVisible();
  // A source whose fields carry markup shows the markup as text.
  await page.getByRole("button", { name: "Add a source" }).click();
  const hostileTitle = `<img src=x onerror="alert(3)">Fake <b>bold</b>`;
  await page.getByLabel("URL").fill("https://example.org/hostile");
  await page.getByLabel("Title").fill(hostileTitle);
  await page.getByLabel("Excerpt").fill("<script>alert(4)</script>");
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("link", { name: hostileTitle })).toBeVisible();
  await expect(page.getByText("<script>alert(4)</script>", { exact: true })).toBeVisible();
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(await page.locator("b", { hasText: "bold" }).count()).toBe(0);
  expect(dialogs).toBe(0);
  await page.context().close();

  // The mention reaches the editor's queue.
  const editor = await as(browser, "editor");
  await editor.goto("/queue");
  await expect(
    editor.getByRole("region", { name: /Mentions/ }).getByText(hostile.trim(), { exact: false }),
  ).toBeVisible();
  await editor.context().close();
});

test("the editor approves it from the queue", async ({ browser }) => {
  const page = await as(browser, "editor");
  await openFromQueue(page, "waiting-for-approval", TROOPS);
  await page.getByRole("button", { name: "Approve verdict" }).click();
  await expect(page.getByTestId("claim-status")).toHaveText("Approved");
  await expect(page.getByTestId("approved-rating")).toHaveText("Mostly true");
  await page.context().close();
});

test("the reviewer sees it approved, read-only, with a timeline of who did what", async ({
  browser,
}) => {
  const page = await as(browser, "reviewer");
  await openFromQueue(page, "recently-approved", TROOPS);
  await expect(page.getByTestId("claim-status")).toHaveText("Approved");
  await expect(page.getByTestId("approved-rating")).toHaveText("Mostly true");
  await expect(page.getByRole("button", { name: "Add a source" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit source/ })).toHaveCount(0);
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText(`${DEMO.reviewer.name} took the claim`);
  await expect(timeline).toContainText(
    `${DEMO.reviewer.name} added the source "CSTO statement on the peacekeeping contingent"`,
  );
  await expect(timeline).toContainText(`${DEMO.reviewer.name} proposed the verdict "Mostly true"`);
  await expect(timeline).toContainText(`${DEMO.editor.name} approved the verdict "Mostly true"`);
  await page.context().close();
});

test("the editor's own proposal cannot be approved by that editor", async ({ browser }) => {
  const page = await as(browser, "editor");
  await openFromQueue(page, "open-claims", MASIMOV);
  const [, articleId, claimId] = new URL(page.url()).pathname.match(
    /^\/articles\/([^/]+)\/claims\/([^/]+)$/,
  ) ?? ["", "", ""];
  await page.getByRole("button", { name: "Take this claim" }).click();
  await expect(page.getByTestId("claim-status")).toHaveText("In review");
  await page.getByRole("button", { name: "Add a source" }).click();
  await page.getByLabel("URL").fill("https://example.org/masimov-investigation");
  await page.getByLabel("Title").fill("Prosecutor's statement on Masimov");
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("link", { name: "Prosecutor's statement on Masimov" })).toBeVisible();
  await page.getByLabel("Rating").selectOption({ label: "True" });
  await page
    .getByLabel("Rationale")
    .fill("The prosecutor general's office confirmed the investigation for an attempted coup.");
  await page.getByRole("button", { name: "Propose verdict" }).click();
  await expect(page.getByTestId("claim-status")).toHaveText("Pending approval");
  await expect(page.getByRole("button", { name: "Approve verdict" })).toHaveCount(0);
  await expect(
    page.getByText(
      "You proposed this verdict, so another editor must approve it (two-person rule).",
    ),
  ).toBeVisible();

  // Calling the action directly is refused by the service too (open 1 → take 2 → propose 3).
  const result = await callAction(
    page.request,
    page.url().replace(/^https?:\/\/[^/]+/, ""),
    "approveVerdictAction",
    [
      { articleId, claimId },
      { claimId, version: 3 },
    ],
    new URL(page.url()).origin,
  );
  expect(result.body).toContain("two-person rule");
  await page.reload();
  await expect(page.getByTestId("claim-status")).toHaveText("Pending approval");
  await page.goto("/queue");
  await expect(
    page
      .getByTestId("waiting-for-approval")
      .getByRole("listitem")
      .filter({ hasText: MASIMOV })
      .filter({ hasText: DEMO_TITLE }),
  ).toContainText("You proposed this; another editor must approve it.");
  await page.context().close();
});

const TREATY = /Article 4 of the Collective Security Treaty \(Treaty\) states/;

test("a stale source edit keeps the user's input and names who changed it", async ({ browser }) => {
  const first = await as(browser, "reviewer");
  await openFromQueue(first, "open-claims", TREATY);
  await first.getByRole("button", { name: "Take this claim" }).click();
  await expect(first.getByTestId("claim-status")).toHaveText("In review");
  await first.getByRole("button", { name: "Add a source" }).click();
  await first.getByLabel("URL").fill("https://example.org/treaty");
  await first.getByLabel("Title").fill("Collective Security Treaty text");
  await first.getByRole("button", { name: "Save source" }).click();
  await expect(first.getByRole("link", { name: "Collective Security Treaty text" })).toBeVisible();

  const second = await first.context().newPage();
  await second.goto(first.url());
  for (const page of [first, second]) {
    await page.getByRole("button", { name: "Edit source Collective Security Treaty text" }).click();
  }
  await first.getByLabel("Title").fill("Treaty text (1992)");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByRole("link", { name: "Treaty text (1992)" })).toBeVisible();

  await second.getByLabel("Title").fill("Treaty text, Article 4");
  await second.getByRole("button", { name: "Save changes" }).click();
  const alert = second.getByRole("alert").filter({ hasText: "changed by" });
  await expect(alert).toContainText(`This source was changed by ${DEMO.reviewer.name} at`);
  await expect(alert).toContainText("Saved now: Treaty text (1992)");
  await expect(second.getByLabel("Title")).toHaveValue("Treaty text, Article 4");
  // Saving again applies the kept input on top of the other change.
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("link", { name: "Treaty text, Article 4" })).toBeVisible();

  // The page fits a 390 px phone.
  await second.setViewportSize({ width: 390, height: 844 });
  const overflow = await second.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await first.context().close();
});

test("another editor returns the editor's proposal with a note; the editor revises it and the other approves", async ({
  browser,
}) => {
  const admin = await as(browser, "admin");
  await openFromQueue(admin, "waiting-for-approval", MASIMOV);
  await admin.getByLabel("Note for the reviewer").fill("Cite the prosecutor's own announcement.");
  await admin.getByRole("button", { name: "Return with note" }).click();
  await expect(admin.getByTestId("claim-status")).toHaveText("In review");
  await admin.context().close();

  const editor = await as(browser, "editor");
  await editor.goto("/queue");
  const returned = editor.getByRole("region", { name: /Returned to you/ });
  await expect(returned).toContainText(MASIMOV);
  await expect(returned).toContainText(
    `${DEMO.admin.name}: Cite the prosecutor's own announcement.`,
  );

  // The claim page shows the note and offers the returned proposal for revision.
  await returned.getByRole("link", { name: MASIMOV }).click();
  await expect(editor.getByRole("note").filter({ hasText: "Returned by" })).toContainText(
    "Cite the prosecutor's own announcement.",
  );
  await expect(editor.getByLabel("Rating")).toHaveValue("true");
  await expect(editor.getByLabel("Rationale")).toHaveValue(/confirmed the investigation/);
  await editor.getByLabel("Rating").selectOption({ label: "Mostly true" });
  await editor.getByRole("button", { name: "Propose verdict" }).click();
  await expect(editor.getByTestId("claim-status")).toHaveText("Pending approval");
  await editor.context().close();

  // A different editor (the admin) may approve it.
  const approver = await as(browser, "admin");
  await openFromQueue(approver, "waiting-for-approval", MASIMOV);
  await approver.getByRole("button", { name: "Approve verdict" }).click();
  await expect(approver.getByTestId("approved-rating")).toHaveText("Mostly true");
  await approver.context().close();
});

test("an editor reopens the approved claim with a reason; it is editable again and the timeline says why", async ({
  browser,
}) => {
  const page = await as(browser, "editor");
  await page.goto(troopsUrl);
  await page.getByText("Reopen this claim").click();
  await page.getByLabel("Reason for reopening").fill("The CSTO later gave 2,030 troops.");
  await page.getByRole("button", { name: "Reopen", exact: true }).click();
  await expect(page.getByTestId("claim-status")).toHaveText("In review");
  await expect(page.getByTestId("timeline")).toContainText(
    `${DEMO.editor.name} reopened the claim, withdrawing "Mostly true"`,
  );
  await expect(page.getByTestId("timeline")).toContainText("The CSTO later gave 2,030 troops.");
  await page.context().close();

  const reviewer = await as(browser, "reviewer");
  await reviewer.goto(troopsUrl);
  await expect(reviewer.getByRole("button", { name: "Add a source" })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Propose verdict" })).toBeVisible();
  await reviewer.context().close();
});
