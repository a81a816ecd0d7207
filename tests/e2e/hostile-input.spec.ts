import { type APIRequestContext, expect, test } from "@playwright/test";
import { callAction, storageState } from "./helpers";

// No input gives a 500: the import route and the server actions answer malformed requests with
// a validation result, and write nothing.
test.use({ storageState: storageState("editor") });

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

async function importText(request: APIRequestContext, origin: string, title: string) {
  const response = await request.post("/api/articles/import", {
    headers: { Origin: origin },
    multipart: {
      title,
      text: `Officials said 2,500 troops arrived on 6 January 2022. They left by 19 January. ${title}.`,
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { data: { article: { id: string } } };
  return body.data.article.id;
}

test("the import route answers a body that is not a readable form with one line", async ({
  page,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const post = (contentType: string, data: string | Buffer) =>
    page.request.post("/api/articles/import", {
      headers: { Origin: origin, "Content-Type": contentType },
      data,
    });
  const cases: [string, string, string | Buffer, number][] = [
    ["JSON", "application/json", JSON.stringify({ title: "T", text: "Some text." }), 415],
    ["text", "text/plain;charset=UTF-8", "Some text.", 415],
    ["empty multipart", "multipart/form-data; boundary=xyz", "", 400],
    ["broken multipart", "multipart/form-data; boundary=xyz", "--xyz\r\ngarbage", 400],
  ];
  for (const [name, type, data, status] of cases) {
    const response = await post(type, data);
    expect(response.status(), name).toBe(status);
    const body = (await response.json()) as { ok: boolean; error: string; code: string };
    expect(body.ok, name).toBe(false);
    expect(body.code, name).toBe("validation");
    expect(body.error, name).not.toContain("\n");
  }
  const control = await page.request.post("/api/articles/import", {
    headers: { Origin: origin },
    multipart: { title: `Bell ${unique()}`, text: "First line.\n\nA bell \u0007 here." },
  });
  expect(control.status()).toBe(400);
  expect(((await control.json()) as { error: string }).error).toBe(
    "The text contains an invisible control character (U+0007) on line 3. Remove it, or save the file as plain text, and import again.",
  );
  const latin1 = await page.request.post("/api/articles/import", {
    headers: { Origin: origin },
    multipart: {
      title: `Latin-1 ${unique()}`,
      file: {
        name: "a.txt",
        mimeType: "text/plain",
        buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      },
    },
  });
  expect(latin1.status()).toBe(400);
  expect(((await latin1.json()) as { error: string }).error).toMatch(/not valid UTF-8/);
});

test("server actions refuse malformed payloads with a validation result and write nothing", async ({
  page,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const title = `Payloads ${unique()}`;
  const articleId = await importText(page.request, origin, title);
  await page.goto(`/articles/${articleId}`);
  const claimId = (await page
    .locator("li[data-claim-item]")
    .first()
    .getAttribute("data-claim-item")) as string;
  const claimPath = `/articles/${articleId}/claims/${claimId}`;
  // The import's own rows (the import, and its matches with earlier articles when there are
  // some): whatever they are, the payloads below must add none.
  const historyRows = await page.getByTestId("history").locator("li").count();
  expect(historyRows).toBeGreaterThanOrEqual(1);
  const comment = `Should not be written ${unique()}`;
  const calls: [string, string, unknown[]][] = [
    ["addCommentAction", claimPath, [null, { claimId, body: comment }]],
    [
      "addCommentAction",
      claimPath,
      [
        { articleId: "x", claimId },
        { claimId, body: comment },
      ],
    ],
    [
      "addCommentAction",
      claimPath,
      [
        { articleId, claimId },
        { claimId, body: `${comment}\u0000` },
      ],
    ],
    ["addCommentAction", claimPath, [{ articleId, claimId }, null]],
    ["addCommentAction", claimPath, []],
    ["takeClaimAction", claimPath, [null, { claimId, version: 1 }]],
    [
      "addSourceAction",
      claimPath,
      [
        { articleId, claimId },
        { claimId, url: 5, title: [] },
      ],
    ],
    [
      "proposeVerdictAction",
      claimPath,
      [
        { articleId, claimId },
        { claimId, version: "x" },
      ],
    ],
    [
      "updateArticleAction",
      `/articles/${articleId}`,
      [{ articleId, version: 1, title: "A\u0000" }],
    ],
    ["updateArticleAction", `/articles/${articleId}`, [null]],
    ["addClaimAction", `/articles/${articleId}`, [{ articleId: 5, start: "a" }]],
    ["mergeClaimsAction", `/articles/${articleId}`, [{ claimId, version: 1 }]],
    ["bulkAssignClaimsAction", `/articles/${articleId}`, [{ articleId, claims: "all" }]],
    ["publishReportAction", `/articles/${articleId}/report`, [{ articleId, reason: "\ud800" }]],
    ["publishReportAction", `/articles/${articleId}/report`, [null]],
  ];
  for (const [name, path, args] of calls) {
    const result = await callAction(page.request, path, name, args, origin);
    expect(result.status, `${name} ${JSON.stringify(args)}`).toBe(200);
    expect(result.body, `${name} ${JSON.stringify(args)}`).toContain('"code":"validation"');
  }
  await page.goto(claimPath);
  await expect(page.getByRole("heading", { name: "Claim", exact: true })).toBeVisible();
  await expect(page.getByText(comment)).toHaveCount(0);
  await expect(page.getByTestId("claim-status")).toHaveText("Open");
  await page.goto(`/articles/${articleId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("history").locator("li")).toHaveCount(historyRows);
});

test("a control character typed into a form is refused under the field", async ({
  page,
  baseURL,
}) => {
  const articleId = await importText(page.request, baseURL ?? "", `Form ${unique()}`);
  await page.goto(`/articles/${articleId}`);
  const claimId = await page.locator("li[data-claim-item]").first().getAttribute("data-claim-item");
  await page.goto(`/articles/${articleId}/claims/${claimId}`);
  await page.getByLabel("New comment").fill("Checked against \u0007 the ministry's figures.");
  await page.getByRole("button", { name: "Add comment" }).click();
  const field = page.getByLabel("New comment");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  // The message is the field's own description, not only a toast.
  await expect(field).toHaveAccessibleDescription(
    /This contains an invisible control character \(U\+0007\) at position 17\. Remove it\.$/,
  );
  // What was typed stays, for the user to correct.
  await expect(field).toHaveValue("Checked against \u0007 the ministry's figures.");
  await page.goto("/articles?q=two%0Alines");
  await expect(page.getByLabel("Search by title")).toHaveAccessibleDescription(
    "Keep this to one line (no line breaks or tabs).",
  );
});
