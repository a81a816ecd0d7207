import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claims, comments, sources, verdicts } from "@/db/schema";
import { CHECKWORTHY_THRESHOLD } from "@/lib/claims/score";
import { NotFoundError } from "@/lib/errors";
import { deleteArticle } from "@/lib/services/articles/delete-article";
import { getArticleView, listArticleHistory } from "@/lib/services/articles/get-article";
import { importArticle } from "@/lib/services/articles/import-article";
import { updateArticleMeta } from "@/lib/services/articles/update-article";
import { dismissClaim } from "@/lib/services/claims/dismiss-claim";
import { ctxFor, makeUser } from "../factories";
import { importAsReviewer, TROOPS_AND_TREATY } from "../factories/imports";
import { useTestDatabase } from "./test-db";

describe("article page data", () => {
  const db = useTestDatabase();

  it("shows claims in text order with assignee, verdict and what the viewer may do", async () => {
    const { ctx, created } = await importAsReviewer(db.current.db, "Rhea", {
      title: "View",
      text: TROOPS_AND_TREATY,
      publishedOn: "2022-01-15",
    });
    const other = await makeUser(db.current.db, { name: "Otto" });
    const view = await getArticleView(ctx, created.article.id);
    expect(view.claims.length).toBeGreaterThanOrEqual(2);
    const starts = view.claims.map((c) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const [first] = view.claims;
    if (!first) throw new Error("no claims");
    await db.current.db
      .update(claims)
      .set({ assigneeId: other.id, rating: "mostly_true" })
      .where(eq(claims.id, first.id));
    const again = await getArticleView(ctx, created.article.id);
    expect(again.claims[0]).toMatchObject({
      assigneeName: "Otto",
      rating: "mostly_true",
      // Someone else's claim: a reviewer's editor offers nothing, and says why.
      allowed: [],
      locked: "This claim is assigned to someone else: an editor can reassign it.",
    });
    expect(again.can).toEqual({ edit: true, editClaims: true, delete: false });
    await expect(getArticleView(ctx, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getArticleView(ctx, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("marks extracted claims scored below the threshold as low priority, never a hand-made one", async () => {
    const { ctx, created } = await importAsReviewer(db.current.db, "Pia Priority", {
      title: "Priority",
      text: TROOPS_AND_TREATY,
      publishedOn: "2022-01-15",
    });
    const view = await getArticleView(ctx, created.article.id);
    const [low, high] = view.claims;
    if (!low || !high) throw new Error("expected two claims");
    // Scores set directly, so the test does not depend on the model's weights.
    await db.current.db
      .update(claims)
      .set({ score: CHECKWORTHY_THRESHOLD / 2 })
      .where(eq(claims.id, low.id));
    await db.current.db
      .update(claims)
      .set({ score: CHECKWORTHY_THRESHOLD / 2, origin: "manual" })
      .where(eq(claims.id, high.id));
    const again = await getArticleView(ctx, created.article.id);
    expect(again.claims.find((c) => c.id === low.id)?.priority).toBe("low");
    expect(again.claims.find((c) => c.id === high.id)?.priority).toBe("normal");
  });

  it("lists the history of the article and its claims, newest first, with who did it", async () => {
    const { ctx, created } = await importAsReviewer(db.current.db, "Hana History", {
      title: "History",
      text: "The ministry said 2,500 troops arrived on 6 January 2022.",
    });
    const view = await getArticleView(ctx, created.article.id);
    const claim = view.claims[0];
    if (!claim) throw new Error("no claim");
    await dismissClaim(ctx, { claimId: claim.id, version: claim.version, reason: "duplicate" });
    await updateArticleMeta(ctx, { articleId: created.article.id, version: 1, title: "History 2" });
    const history = await listArticleHistory(ctx, created.article.id);
    // The file's other articles share this text, so the import may also record its matches with
    // them ("article.match", right after the import); the rest is the history in order.
    expect(history.map((h) => h.action).filter((a) => a !== "article.match")).toEqual([
      "article.update",
      "claim.dismiss",
      "article.import",
    ]);
    expect(new Set(history.map((h) => h.actorName))).toEqual(new Set(["Hana History"]));
    expect(history[0]).toMatchObject({
      before: expect.objectContaining({ title: "History" }),
      after: expect.objectContaining({ title: "History 2" }),
    });
  });

  it("deletes an article with its claims, sources, verdicts and comments", async () => {
    const reviewer = await makeUser(db.current.db);
    const editor = await makeUser(db.current.db, { role: "editor" });
    const created = await importArticle(ctxFor(db.current.db, reviewer), {
      title: "Doomed",
      text: `Doomed ${crypto.randomUUID()}. The ministry said 2,500 troops arrived on 6 January 2022.`,
    });
    const stored = await db.current.db
      .select({ id: claims.id })
      .from(claims)
      .where(eq(claims.articleId, created.article.id));
    const claimId = stored[0]?.id;
    if (!claimId) throw new Error("no claim");
    await db.current.db.insert(sources).values({
      claimId,
      url: "https://example.org",
      title: "Source",
      sourceType: "official_statement",
      stance: "supports",
    });
    await db.current.db
      .insert(verdicts)
      .values({ claimId, rating: "true", rationale: "Checked.", proposedBy: reviewer.id });
    await db.current.db.insert(comments).values({ claimId, authorId: reviewer.id, body: "Hm." });
    await expect(
      deleteArticle(ctxFor(db.current.db, reviewer), { articleId: created.article.id, version: 1 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await deleteArticle(ctxFor(db.current.db, editor), {
      articleId: created.article.id,
      version: 1,
    });
    const ids = stored.map((c) => c.id);
    expect(await db.current.db.select().from(claims).where(inArray(claims.id, ids))).toEqual([]);
    expect(await db.current.db.select().from(sources).where(eq(sources.claimId, claimId))).toEqual(
      [],
    );
    expect(
      await db.current.db.select().from(verdicts).where(eq(verdicts.claimId, claimId)),
    ).toEqual([]);
    expect(
      await db.current.db.select().from(comments).where(eq(comments.claimId, claimId)),
    ).toEqual([]);
  });
});
