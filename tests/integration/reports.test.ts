import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, corrections, reportPublications } from "@/db/schema";
import { AppError, ValidationError } from "@/lib/errors";
import { renderHtml } from "@/lib/reports/render-html";
import { getPublishedReport } from "@/lib/services/reports/get-published-report";
import { getReport } from "@/lib/services/reports/get-report";
import { publishReport } from "@/lib/services/reports/publish-report";
import { revokeReport } from "@/lib/services/reports/revoke-report";
import { ctxFor, makeUser } from "../factories";
import {
  makeApprovedClaim,
  makeReportArticle,
  reapproveClaim,
  setClaimStatus,
  TROOPS,
} from "../factories/reports";
import { useTestDatabase } from "./test-db";

const BASE = { baseUrl: "https://desk.example" };

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );
}

describe("report services", () => {
  const db = useTestDatabase();

  it("builds a DRAFT report listing open claims for any signed-in role", async () => {
    const { article } = await makeReportArticle(db.current.db);
    const reviewer = await makeUser(db.current.db, { role: "reviewer" });
    const view = await getReport(ctxFor(db.current.db, reviewer), { articleId: article.id }, BASE);
    expect(view.model.draft).toBe(true);
    expect(view.openClaims).toBe(1);
    expect(view.model.open.map((c) => c.status)).toEqual(["open"]);
    expect(view.model.reportUrl).toBe(`https://desk.example/articles/${article.id}/report`);
    const [troops] = view.model.claims;
    expect(troops?.text).toBe(TROOPS);
    expect(troops?.verdict).toMatchObject({
      label: "Mostly true",
      reviewer: "Rita Reviewer",
      approver: "Eddie Editor",
    });
    expect(troops?.sources[0]).toMatchObject({ number: 1, title: "Ministry statement" });
  });

  it("answers not found for an unknown or malformed article id", async () => {
    const user = await makeUser(db.current.db, { role: "editor" });
    const ctx = ctxFor(db.current.db, user);
    expect(await codeOf(getReport(ctx, { articleId: crypto.randomUUID() }, BASE))).toBe(
      "not_found",
    );
    expect(await codeOf(getReport(ctx, { articleId: "nope" }, BASE))).toBe("not_found");
  });

  it("refuses to publish while a claim is open, and writes nothing", async () => {
    const { article } = await makeReportArticle(db.current.db);
    const editor = ctxFor(db.current.db, await makeUser(db.current.db, { role: "editor" }));
    const error = await publishReport(editor, { articleId: article.id }, BASE).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain("1 claim is still open");
    const rows = await db.current.db
      .select()
      .from(reportPublications)
      .where(eq(reportPublications.articleId, article.id));
    expect(rows).toEqual([]);
  });

  it("publishes, republishes with a correction, and revokes", async () => {
    const { article, troops, opinion, proposer, approver } = await makeReportArticle(db.current.db);
    if (!opinion) throw new Error("no opinion claim");
    await setClaimStatus(db.current.db, opinion.id, "dismissed");
    const editorUser = await makeUser(db.current.db, { role: "editor", name: "Pat Publisher" });
    const editor = ctxFor(db.current.db, editorUser);

    const first = await publishReport(editor, { articleId: article.id }, BASE);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.url).toBe(`https://desk.example/r/${first.token}`);
    const published = await getPublishedReport(db.current.db, first.token);
    expect(published?.draft).toBe(false);
    expect(published?.claims[0]?.verdict?.label).toBe("Mostly true");
    expect(published?.publication?.url).toBe(first.url);
    expect(published?.corrections).toEqual([]);

    expect(await codeOf(publishReport(editor, { articleId: article.id }, BASE))).toBe("validation");

    // The claim is reopened and approved again with another rating.
    await setClaimStatus(db.current.db, troops.id, "in_review");
    expect(await codeOf(publishReport(editor, { articleId: article.id }, BASE))).toBe("validation");
    await reapproveClaim(db.current.db, troops.id, {
      rating: "false",
      rationale: "The ministry corrected its figure to 2,030.",
      proposer,
      approver,
    });
    const noReason = await publishReport(editor, { articleId: article.id }, BASE).catch((e) => e);
    expect(noReason).toBeInstanceOf(ValidationError);
    expect((noReason as ValidationError).fieldErrors.reason).toBeDefined();

    const second = await publishReport(
      editor,
      { articleId: article.id, reason: "The ministry published a corrected figure." },
      BASE,
    );
    expect(second.token).toBe(first.token);
    expect(second.corrections).toBe(1);
    const log = await db.current.db
      .select()
      .from(corrections)
      .where(eq(corrections.articleId, article.id));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      claimId: troops.id,
      publicationId: second.publicationId,
      reason: "The ministry published a corrected figure.",
      createdBy: editorUser.id,
    });
    expect(log[0]?.description).toContain("verdict changed from Mostly true to False");
    const republished = await getPublishedReport(db.current.db, first.token);
    expect(republished?.claims[0]?.verdict?.label).toBe("False");
    expect(republished?.corrections).toEqual([
      expect.objectContaining({
        claimNumber: 1,
        reason: "The ministry published a corrected figure.",
      }),
    ]);
    expect(renderHtml(republished as NonNullable<typeof republished>)).toContain(
      "verdict changed from Mostly true to False",
    );

    await revokeReport(editor, { articleId: article.id });
    expect(await getPublishedReport(db.current.db, first.token)).toBeNull();
    expect(await codeOf(revokeReport(editor, { articleId: article.id }))).toBe("not_found");

    // Publishing again after a revocation makes a new link.
    const third = await publishReport(editor, { articleId: article.id }, BASE);
    expect(third.token).not.toBe(first.token);
    expect(await getPublishedReport(db.current.db, third.token)).not.toBeNull();

    const actions = await db.current.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.articleId, article.id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      "report.publish",
      "report.publish",
      "report.republish",
      "report.revoke",
    ]);
  });

  it("refuses publish and revoke to reviewers", async () => {
    const { article, opinion } = await makeReportArticle(db.current.db);
    if (opinion) await setClaimStatus(db.current.db, opinion.id, "dismissed");
    const reviewer = ctxFor(db.current.db, await makeUser(db.current.db, { role: "reviewer" }));
    expect(await codeOf(publishReport(reviewer, { articleId: article.id }, BASE))).toBe(
      "forbidden",
    );
    expect(await codeOf(revokeReport(reviewer, { articleId: article.id }))).toBe("forbidden");
  });

  it("answers null for unknown and malformed tokens", async () => {
    expect(await getPublishedReport(db.current.db, "x".repeat(43))).toBeNull();
    expect(await getPublishedReport(db.current.db, "../../etc")).toBeNull();
  });

  it("keeps hostile content inert in the published snapshot's HTML", async () => {
    const proposer = await makeUser(db.current.db, { role: "reviewer" });
    const approver = await makeUser(db.current.db, { role: "editor" });
    const text = 'The <script>alert("x")</script> figure was 2,500.';
    const { makeArticle } = await import("../factories");
    const article = await makeArticle(db.current.db, {
      body: `${text} ${crypto.randomUUID()}`,
      title: "<img src=x onerror=alert(1)>",
    });
    await makeApprovedClaim(db.current.db, article, {
      text,
      proposer,
      approver,
      rationale: "</script><script>alert(2)</script>",
      sources: [{ title: "<b>bold</b>", url: "javascript:alert(3)" }],
    });
    const editor = ctxFor(db.current.db, approver);
    const { token } = await publishReport(editor, { articleId: article.id }, BASE);
    const model = await getPublishedReport(db.current.db, token);
    const html = renderHtml(model as NonNullable<typeof model>);
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
  });
});
