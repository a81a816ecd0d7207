import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articles } from "@/db/schema";
import { listArticles } from "@/lib/services/articles/list-articles";
import { ARTICLE_SORTS } from "@/lib/validation/articles";
import { ctxFor, makeArticle, makeClaim, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

describe("article list", () => {
  const db = useTestDatabase();

  it("pages through every sort by keyset without skipping or repeating, even on equal keys", async () => {
    const user = await makeUser(db.current.db);
    const ctx = ctxFor(db.current.db, user);
    const tag = crypto.randomUUID().slice(0, 8);
    const sameTime = new Date("2024-05-01T10:00:00.123Z");
    const made = [];
    for (let i = 0; i < 7; i++) {
      const article = await makeArticle(db.current.db, { title: `${tag} ${i % 3} item` });
      // Equal sort keys on purpose: the id breaks the tie.
      await db.current.db
        .update(articles)
        .set({ createdAt: sameTime, publishedOn: i % 2 ? "2022-01-15" : null })
        .where(eq(articles.id, article.id));
      made.push(article.id);
    }
    for (const sort of ARTICLE_SORTS) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = await listArticles(ctx, { q: tag, sort, after, limit: 3 });
        seen.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(seen.sort(), sort).toEqual([...made].sort());
    }
    const byTitle = await listArticles(ctx, { q: tag, sort: "title", limit: 10 });
    const titles = byTitle.rows.map((r) => r.title);
    expect(titles).toEqual([...titles].sort());
  });

  it("counts claims by status and searches titles literally", async () => {
    const user = await makeUser(db.current.db);
    const ctx = ctxFor(db.current.db, user);
    const tag = crypto.randomUUID().slice(0, 8);
    const article = await makeArticle(db.current.db, { title: `100%_${tag} done` });
    await makeClaim(db.current.db, article, { status: "approved" });
    await makeClaim(db.current.db, article, { status: "dismissed" });
    await makeClaim(db.current.db, article, { status: "open" });
    const { rows } = await listArticles(ctx, { q: `100%_${tag}` });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.counts).toEqual({
      total: 3,
      open: 1,
      inReview: 0,
      pending: 0,
      approved: 1,
      dismissed: 1,
    });
    expect((await listArticles(ctx, { q: `100%x${tag}` })).rows).toHaveLength(0);
    // A cursor edited by hand starts from the first page instead of failing.
    expect((await listArticles(ctx, { q: `100%_${tag}`, after: "garbage" })).rows).toHaveLength(1);
  });
});
