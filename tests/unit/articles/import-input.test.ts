import { describe, expect, it } from "vitest";
import { normaliseBody } from "@/lib/services/articles/body";
import { htmlToText, readUpload } from "@/lib/services/articles/read-upload";
import { articleMetaSchema, importArticleSchema } from "@/lib/validation/articles";
import { addClaimSchema, claimValuesSchema } from "@/lib/validation/claims";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("import input", () => {
  it("accepts http and https URLs only", () => {
    const parse = (url: string) => articleMetaSchema.safeParse({ title: "T", url }).success;
    expect(parse("https://example.org/a?b=c")).toBe(true);
    expect(parse("http://example.org")).toBe(true);
    expect(parse("")).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://example.org",
      "//example.org",
      "example.org",
      "vbscript:msgbox(1)",
    ]) {
      expect(parse(bad), bad).toBe(false);
    }
  });

  it("checks published dates are real calendar dates and keeps the approximate flag", () => {
    expect(
      articleMetaSchema.parse({
        title: "T",
        publishedOn: "2022-01-15",
        publishedApproximate: true,
      }),
    ).toMatchObject({
      publishedOn: "2022-01-15",
      publishedApproximate: true,
    });
    expect(articleMetaSchema.safeParse({ title: "T", publishedOn: "2022-02-30" }).success).toBe(
      false,
    );
    expect(articleMetaSchema.safeParse({ title: "T", publishedOn: "15/01/2022" }).success).toBe(
      false,
    );
    expect(articleMetaSchema.parse({ title: "  T  ", outlet: "  " })).toMatchObject({
      title: "T",
      outlet: undefined,
    });
  });

  it("refuses empty bodies and NUL characters", () => {
    expect(importArticleSchema.safeParse({ title: "T", body: " \n " }).success).toBe(false);
    expect(importArticleSchema.safeParse({ title: "T", body: "a\u0000" }).success).toBe(false);
    expect(importArticleSchema.safeParse({ title: "T", body: "<script>x</script>" }).success).toBe(
      true,
    );
  });

  it("normalises line endings and nothing else", () => {
    expect(normaliseBody("a\r\nb\rc\n\u00a0d\u2028e ")).toBe("a\nb\nc\n\u00a0d\u2028e ");
  });

  it("reads UTF-8 text files as they are and refuses binary or other encodings", () => {
    expect(readUpload({ name: "a.TXT", bytes: bytes("Héllo “world” — 😀\n") }, 1000)).toBe(
      "Héllo “world” — 😀\n",
    );
    expect(readUpload({ name: "notes.md", bytes: bytes("# Title\n\n*text*") }, 1000)).toBe(
      "# Title\n\n*text*",
    );
    expect(() =>
      readUpload({ name: "a.txt", bytes: new Uint8Array([0x61, 0, 0x62]) }, 1000),
    ).toThrow(/binary/);
    expect(() =>
      readUpload({ name: "a.txt", bytes: new Uint8Array([0xff, 0xfe, 0x41]) }, 1000),
    ).toThrow(/UTF-8/);
    expect(() => readUpload({ name: "a.txt", bytes: bytes("x".repeat(2000)) }, 1000)).toThrow(
      /the limit is 1 KB/,
    );
    expect(() => readUpload({ name: "a.exe", bytes: bytes("MZ") }, 1000)).toThrow(/\.txt/);
  });

  it("reduces HTML to readable text: paragraphs kept, scripts, styles and markup dropped", () => {
    const text = htmlToText(`<html><head><title>Tab title</title><style>.x{}</style>
      <script>alert(1)</script></head><body><nav><a href="/">Home</a></nav>
      <h2>Heading</h2><p>One &amp; <em>two</em>.</p><p>Three<br>four</p>
      <ul><li>five</li></ul><noscript>enable js</noscript><iframe src="x"></iframe></body></html>`);
    expect(text).toBe("Heading\n\nOne & two.\n\nThree\nfour\n\n * five");
  });
});

describe("claim input", () => {
  it("accepts flat values with plain names only", () => {
    expect(
      claimValuesSchema.safeParse({ quantity: 2500, approximate: true, unit: "troops" }).success,
    ).toBe(true);
    expect(claimValuesSchema.safeParse({ "bad name": 1 }).success).toBe(false);
    expect(claimValuesSchema.safeParse({ nested: { a: 1 } }).success).toBe(false);
    expect(claimValuesSchema.safeParse({ __proto__x: 1 }).success).toBe(false);
  });

  it("needs a non-empty span", () => {
    const base = { articleId: crypto.randomUUID(), kind: "statement", text: "x" };
    expect(addClaimSchema.safeParse({ ...base, start: 3, end: 3 }).success).toBe(false);
    expect(addClaimSchema.safeParse({ ...base, start: 3, end: 4 }).success).toBe(true);
    expect(addClaimSchema.safeParse({ ...base, start: -1, end: 4 }).success).toBe(false);
    expect(addClaimSchema.safeParse({ ...base, kind: "gossip", start: 0, end: 1 }).success).toBe(
      false,
    );
  });
});
