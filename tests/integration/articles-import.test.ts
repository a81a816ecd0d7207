import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articles, auditEvents, claims } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { deleteArticle } from "@/lib/services/articles/delete-article";
import { importArticle } from "@/lib/services/articles/import-article";
import { updateArticleMeta } from "@/lib/services/articles/update-article";
import { ctxFor, makeUser } from "../factories";
import { useTestDatabase } from "./test-db";

const demoBody = fs.readFileSync("db/demo/kazakhstan-csto/article.txt", "utf8");
const unique = () => crypto.randomUUID();

describe("article import", () => {
  const db = useTestDatabase();

  async function counts() {
    const [row] = await db.current.db
      .select({
        articles: sql<number>`(select count(*) from articles)::int`,
        claims: sql<number>`(select count(*) from claims)::int`,
      })
      .from(sql`(select 1) as one`);
    return row;
  }

  it("imports the demo article with its claims at offsets that match the text", async () => {
    const reviewer = await makeUser(db.current.db, { role: "reviewer" });
    const result = await importArticle(ctxFor(db.current.db, reviewer), {
      title: "Kazakhstan: Return of Russia",
      outlet: "India Narrative",
      publishedOn: "2022-01-15",
      publishedApproximate: true,
      text: demoBody,
    });
    expect(result.status).toBe("created");
    if (result.status !== "created") return;
    const [article] = await db.current.db
      .select()
      .from(articles)
      .where(eq(articles.id, result.article.id));
    expect(article?.body).toBe(demoBody);
    const stored = await db.current.db
      .select()
      .from(claims)
      .where(eq(claims.articleId, result.article.id));
    expect(stored.length).toBe(result.claimCount);
    expect(stored.length).toBeGreaterThanOrEqual(5);
    for (const claim of stored) {
      expect(demoBody.slice(claim.start, claim.end)).toBe(claim.text);
      expect(demoBody.slice(0, claim.start).endsWith(claim.prefix)).toBe(true);
      expect(demoBody.slice(claim.end).startsWith(claim.suffix)).toBe(true);
    }
    const texts = stored.map((c) => c.text.replace(/\s+/g, " "));
    expect(texts.some((t) => t.includes("2,500 personnel"))).toBe(true);
    expect(texts.some((t) => t.includes("19 January"))).toBe(true);
    expect(texts.some((t) => t.includes("Article 4 of the Collective Security Treaty"))).toBe(true);
    // The speaker's role is stored beside the speaker.
    const quoted = stored.find((c) => c.text.startsWith("According to Tajik analyst"));
    expect(quoted?.speaker).toBe("Parvaiz Mullajanov");
    expect(quoted?.speakerRole).toBe("Tajik analyst");
    const [audit] = await db.current.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, result.article.id));
    expect(audit).toMatchObject({ action: "article.import", actorId: reviewer.id });
  });

  it("stores nothing when extraction fails, whether it throws or returns a wrong span", async () => {
    const reviewer = await makeUser(db.current.db);
    const ctx = ctxFor(db.current.db, reviewer);
    const before = await counts();
    await expect(
      importArticle(
        ctx,
        { title: "Boom", text: `Fails ${unique()}. 2,500 troops arrived.` },
        {
          extract: () => {
            throw new Error("extractor crashed");
          },
        },
      ),
    ).rejects.toThrow("extractor crashed");
    await expect(
      importArticle(
        ctx,
        { title: "Off", text: `Offsets ${unique()}. 2,500 troops arrived.` },
        {
          extract: (text) => [
            {
              text: "not in the text",
              start: 0,
              end: 15,
              prefix: "",
              suffix: text.slice(15, 47),
              kind: "statement",
              score: 1,
              values: {},
            },
          ],
        },
      ),
    ).rejects.toThrow(/does not match/);
    expect(await counts()).toEqual(before);
  });

  it("offers the existing article for a body it already has, also across line endings", async () => {
    const reviewer = await makeUser(db.current.db);
    const ctx = ctxFor(db.current.db, reviewer);
    const text = `Duplicate ${unique()}.\nThe ministry said 300 soldiers left on 2 May 2021.\n`;
    const first = await importArticle(ctx, { title: "First", text });
    expect(first.status).toBe("created");
    const second = await importArticle(ctx, {
      title: "Second",
      text: text.replace(/\n/g, "\r\n"),
    });
    expect(second).toEqual({ status: "duplicate", article: first.article });
  });

  it("lets exactly one of two simultaneous imports of the same text create it", async () => {
    const reviewer = await makeUser(db.current.db);
    const ctx = ctxFor(db.current.db, reviewer);
    const text = `Race ${unique()}. Officials said 1,200 homes lost power on 3 March 2023.`;
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => importArticle(ctx, { title: `Race ${i}`, text })),
    );
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(new Set(results.map((r) => r.article.id)).size).toBe(1);
  });

  it("normalises line endings to LF and changes nothing else", async () => {
    const reviewer = await makeUser(db.current.db);
    const text = `  Spaces\u00a0kept ${unique()} “quotes” — dashes\r\nCRLF\rCR\n\n\ttab  `;
    const result = await importArticle(ctxFor(db.current.db, reviewer), { title: "LF", text });
    const [row] = await db.current.db
      .select({ body: articles.body })
      .from(articles)
      .where(eq(articles.id, result.article.id));
    expect(row?.body).toBe(text.replace(/\r\n?/g, "\n"));
  });

  it("reduces an uploaded HTML file to its readable text with paragraphs kept", async () => {
    const reviewer = await makeUser(db.current.db);
    const html = `<!doctype html><html><head><style>p{color:red}</style><script>alert("x")</script></head>
      <body><nav><a href="/">Home</a></nav><h1>Headline ${unique()}</h1><p>First <b>paragraph</b> with 2,500 troops.</p>
      <p>Second paragraph.<img src=x onerror="alert(1)"></p></body></html>`;
    const result = await importArticle(ctxFor(db.current.db, reviewer), {
      title: "HTML",
      file: { name: "page.HTML", bytes: new TextEncoder().encode(html) },
    });
    const [row] = await db.current.db
      .select({ body: articles.body })
      .from(articles)
      .where(eq(articles.id, result.article.id));
    expect(row?.body).toMatch(
      /^Headline [0-9a-f-]+\n\nFirst paragraph with 2,500 troops\.\n\nSecond paragraph\.$/,
    );
    expect(row?.body).not.toMatch(/alert|color|Home|<|onerror/);
  });

  it("refuses empty, binary, non-UTF-8, too large and wrongly named input, creating nothing", async () => {
    const reviewer = await makeUser(db.current.db);
    const ctx = ctxFor(db.current.db, reviewer);
    const before = await counts();
    const file = (name: string, bytes: Uint8Array) => ({ title: "Bad", file: { name, bytes } });
    const cases: [Parameters<typeof importArticle>[1], RegExp][] = [
      [{ title: "Empty", text: " \n\t " }, /empty/],
      [file("blank.txt", new TextEncoder().encode("\n\n")), /empty/],
      [file("image.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), /binary/],
      [file("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e])), /UTF-8/],
      [file("big.txt", new TextEncoder().encode("a".repeat(5000))), /limit is/],
      [{ title: "Big", text: "é".repeat(3000) }, /limit is/],
      [file("doc.pdf", new TextEncoder().encode("%PDF-1.4")), /\.txt, \.md or \.html/],
      [{ title: "", text: "Some text" }, /title/],
      [{ title: "Nul", text: "a\u0000b" }, /NUL/],
    ];
    for (const [input, message] of cases) {
      const error = await importArticle(ctx, input, { maxBytes: 4096 }).catch((e: unknown) => e);
      expect(error, JSON.stringify(input).slice(0, 80)).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a javascript: URL and stores hostile text exactly as given", async () => {
    const reviewer = await makeUser(db.current.db);
    const ctx = ctxFor(db.current.db, reviewer);
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)></textarea> ${unique()}`;
    await expect(
      importArticle(ctx, { title: "JS", url: "javascript:alert(1)", text: hostile }),
    ).rejects.toMatchObject({ fieldErrors: { url: [expect.stringMatching(/http/)] } });
    const result = await importArticle(ctx, {
      title: hostile,
      outlet: "<b>x</b>",
      url: "https://example.org/?q=<script>",
      text: hostile,
    });
    const [row] = await db.current.db
      .select()
      .from(articles)
      .where(eq(articles.id, result.article.id));
    expect(row).toMatchObject({ title: hostile, body: hostile, outlet: "<b>x</b>" });
  });

  it("edits metadata with a version check naming who changed it, and deletes for editors", async () => {
    const reviewer = await makeUser(db.current.db, { name: "Rae Viewer" });
    const editor = await makeUser(db.current.db, { role: "editor" });
    const created = await importArticle(ctxFor(db.current.db, reviewer), {
      title: "Meta",
      text: `Meta ${unique()}. 40 buses ran on 1 June 2020.`,
    });
    const id = created.article.id;
    const updated = await updateArticleMeta(ctxFor(db.current.db, reviewer), {
      articleId: id,
      version: 1,
      title: "Meta, corrected",
      url: "https://example.org/a",
      publishedOn: "2020-06-02",
      publishedApproximate: false,
    });
    expect(updated).toMatchObject({ title: "Meta, corrected", version: 2 });
    const stale = await updateArticleMeta(ctxFor(db.current.db, editor), {
      articleId: id,
      version: 1,
      title: "Editor's title",
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).message).toMatch(/changed by Rae Viewer at .*UTC/);
    expect((stale as ConflictError).current).toMatchObject({ title: "Meta, corrected" });
    await deleteArticle(ctxFor(db.current.db, editor), { articleId: id, version: 2 });
    expect(await db.current.db.select().from(articles).where(eq(articles.id, id))).toEqual([]);
    expect(await db.current.db.select().from(claims).where(eq(claims.articleId, id))).toEqual([]);
    const [audit] = await db.current.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "article.delete"));
    expect(audit).toMatchObject({ entityId: id, actorId: editor.id });
  });
});
