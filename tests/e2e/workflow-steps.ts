import { type APIRequestContext, expect, request as playwrightRequest } from "@playwright/test";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { articles, claims } from "@/db/schema";
import { callAction, DEMO_TITLE, storageState } from "./helpers";

/**
 * Brings a new article to "approved" the way a desk does, through the app's own import endpoint
 * and server actions; the e2e database is only read, for ids and versions.
 */
export const TROOPS = "Troops numbering around 2,500 personnel";
export const RATIONALE =
  "The CSTO put its peacekeeping force at about 2,030 troops, close to the figure.";

let database: Database;

export function setWorkflowDatabase(db: Database) {
  database = db;
}

async function claimRows(articleId: string) {
  return database.db
    .select({ id: claims.id, version: claims.version, text: claims.text, start: claims.start })
    .from(claims)
    .where(eq(claims.articleId, articleId))
    .orderBy(asc(claims.start));
}

async function claimVersion(claimId: string): Promise<number> {
  const [row] = await database.db
    .select({ version: claims.version })
    .from(claims)
    .where(eq(claims.id, claimId));
  if (!row) throw new Error("no claim");
  return row.version;
}

async function act(
  request: APIRequestContext,
  baseURL: string,
  pagePath: string,
  name: string,
  args: unknown[],
) {
  const result = await callAction(request, pagePath, name, args, baseURL);
  expect(result.body, `${name}: ${result.body}`).toContain('"ok":true');
}

/** A new article from the demo's troop-number sentence, its claim approved, the rest dismissed. */
export async function makeApprovedArticle(baseURL: string) {
  const reviewer = await playwrightRequest.newContext({
    baseURL,
    storageState: storageState("reviewer"),
  });
  const editor = await playwrightRequest.newContext({
    baseURL,
    storageState: storageState("editor"),
  });
  const demo = await database.db
    .select({ body: articles.body })
    .from(articles)
    .where(eq(articles.title, DEMO_TITLE));
  const paragraph = demo[0]?.body.split("\n").find((line) => line.includes(TROOPS));
  if (!paragraph) throw new Error("the demo article has no troop-number paragraph");
  const title = `Report e2e ${crypto.randomUUID().slice(0, 8)}`;
  const text = `${paragraph.slice(paragraph.indexOf(TROOPS))}\n\nI think this is all rather sad, says ${title}.`;
  const imported = await reviewer.post("/api/articles/import", {
    headers: { Origin: baseURL },
    multipart: {
      title,
      text,
      outlet: "India Narrative",
      publishedOn: "2022-01-15",
      publishedApproximate: "true",
    },
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const [article] = await database.db
    .select({ id: articles.id })
    .from(articles)
    .where(eq(articles.title, title));
  if (!article) throw new Error("the import stored no article");
  const rows = await claimRows(article.id);
  const troops = rows.find((row) => row.text.includes(TROOPS));
  if (!troops) throw new Error("the import found no troop-number claim");
  for (const row of rows.filter((r) => r.id !== troops.id)) {
    await act(reviewer, baseURL, `/articles/${article.id}`, "dismissClaimAction", [
      { claimId: row.id, version: row.version, reason: "opinion" },
    ]);
  }
  const where = { articleId: article.id, claimId: troops.id };
  const claimPage = `/articles/${article.id}/claims/${troops.id}`;
  await act(reviewer, baseURL, claimPage, "takeClaimAction", [
    where,
    { claimId: troops.id, version: troops.version },
  ]);
  await act(reviewer, baseURL, claimPage, "addSourceAction", [
    where,
    {
      claimId: troops.id,
      title: "CSTO: peacekeeping contingent numbers",
      url: "https://en.odkb-csto.org/news/",
      publisher: "CSTO",
      sourceType: "official_statement",
      stance: "supports",
      accessedOn: "2026-01-02",
    },
  ]);
  await act(reviewer, baseURL, claimPage, "proposeVerdictAction", [
    where,
    {
      claimId: troops.id,
      version: await claimVersion(troops.id),
      rating: "mostly_true",
      rationale: RATIONALE,
    },
  ]);
  await act(editor, baseURL, claimPage, "approveVerdictAction", [
    where,
    { claimId: troops.id, version: await claimVersion(troops.id) },
  ]);
  await reviewer.dispose();
  await editor.dispose();
  return { id: article.id, title, troopsId: troops.id };
}

/** An editor reopens the claim, the reviewer proposes a new rating, the admin approves it. */
export async function reapprove(
  baseURL: string,
  articleId: string,
  claimId: string,
  rationale: string,
) {
  const contexts = await Promise.all(
    (["editor", "reviewer", "admin"] as const).map((role) =>
      playwrightRequest.newContext({ baseURL, storageState: storageState(role) }),
    ),
  );
  const [editor, reviewer, admin] = contexts as [
    APIRequestContext,
    APIRequestContext,
    APIRequestContext,
  ];
  const where = { articleId, claimId };
  const claimPage = `/articles/${articleId}/claims/${claimId}`;
  await act(editor, baseURL, claimPage, "reopenClaimAction", [
    where,
    {
      claimId,
      version: await claimVersion(claimId),
      reason: "The CSTO published its final count.",
    },
  ]);
  await act(reviewer, baseURL, claimPage, "proposeVerdictAction", [
    where,
    { claimId, version: await claimVersion(claimId), rating: "half_true", rationale },
  ]);
  await act(admin, baseURL, claimPage, "approveVerdictAction", [
    where,
    { claimId, version: await claimVersion(claimId) },
  ]);
  await Promise.all(contexts.map((c) => c.dispose()));
}
