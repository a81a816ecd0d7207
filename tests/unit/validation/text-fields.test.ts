import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { articleMetaSchema, importArticleSchema } from "@/lib/validation/articles";
import { createUserSchema } from "@/lib/validation/auth";
import { addClaimSchema, claimValuesSchema } from "@/lib/validation/claims";
import { addCommentSchema } from "@/lib/validation/comments";
import { claimFiltersSchema } from "@/lib/validation/dashboard";
import { publishReportSchema } from "@/lib/validation/reports";
import { addSourceSchema } from "@/lib/validation/sources";
import { multiLineText, singleLineText } from "@/lib/validation/text";
import { proposeVerdictSchema } from "@/lib/validation/verdicts";
import { reopenClaimSchema, returnVerdictSchema } from "@/lib/validation/workflow";

const id = "7b0c5a4e-3f5e-4c1a-9a57-0d2f1c1e2b3a";
const LONG = "The ministry said 2,500 troops arrived on 6 January 2022, and left a week later.";

/** Each text field of each form, with a valid value for the rest of its form. */
const FIELDS: {
  form: string;
  schema: z.ZodType;
  base: Record<string, unknown>;
  field: string;
  multiLine: boolean;
}[] = [
  ...["title", "outlet", "author"].map((field) => ({
    form: "article",
    schema: articleMetaSchema,
    base: { title: "A title" },
    field,
    multiLine: false,
  })),
  {
    form: "article",
    schema: articleMetaSchema,
    base: { title: "T" },
    field: "url",
    multiLine: false,
  },
  {
    form: "user",
    schema: createUserSchema,
    base: { email: "a@example.com", role: "reviewer" },
    field: "name",
    multiLine: false,
  },
  ...["url", "title", "publisher", "excerpt", "note"].map((field) => ({
    form: "source",
    schema: addSourceSchema,
    base: {
      claimId: id,
      url: "https://example.com/",
      title: "Report",
      sourceType: "other",
      stance: "supports",
    },
    field,
    multiLine: field === "excerpt" || field === "note",
  })),
  {
    form: "comment",
    schema: addCommentSchema,
    base: { claimId: id },
    field: "body",
    multiLine: true,
  },
  {
    form: "publish",
    schema: publishReportSchema,
    base: { articleId: id },
    field: "reason",
    multiLine: true,
  },
  {
    form: "verdict",
    schema: proposeVerdictSchema,
    base: { claimId: id, version: 1, rating: "true" },
    field: "rationale",
    multiLine: true,
  },
  {
    form: "return",
    schema: returnVerdictSchema,
    base: { claimId: id, version: 1 },
    field: "note",
    multiLine: true,
  },
  {
    form: "reopen",
    schema: reopenClaimSchema,
    base: { claimId: id, version: 1 },
    field: "reason",
    multiLine: true,
  },
  { form: "filters", schema: claimFiltersSchema, base: {}, field: "outlet", multiLine: false },
];

const CONTROL = /invisible control character \(U\+00(00|07|1B|7F)\)/;

describe.each(FIELDS)("$form form, $field", ({ schema, base, field, multiLine }) => {
  const issueFor = (value: string) => {
    const result = schema.safeParse({ ...base, [field]: value });
    return result.success ? undefined : result.error.issues.find((i) => i.path.join(".") === field);
  };

  it("accepts ordinary text", () => {
    const value = field === "url" ? "https://example.com/a" : LONG;
    expect(schema.safeParse({ ...base, [field]: value }).success).toBe(true);
  });

  it.each(["\u0000", "\u0007", "\u001b", "\u007f"])(
    "refuses %j with a message under the field",
    (bad) => {
      const value =
        field === "url"
          ? `https://example.com/a${bad}b`
          : `${LONG.slice(0, 9)}${bad}${LONG.slice(9)}`;
      expect(issueFor(value)?.message).toMatch(CONTROL);
    },
  );

  it("refuses a lone surrogate", () => {
    const value = field === "url" ? "https://example.com/\ud800" : `${LONG}\udc00 more`;
    expect(issueFor(value)?.message).toMatch(/broken character/);
  });

  it(multiLine ? "keeps tabs and line breaks" : "refuses tabs and line breaks", () => {
    const value = field === "url" ? "https://example.com/\ta" : `${LONG}\n\tSecond line.`;
    expect(issueFor(value)?.message).toBe(
      multiLine ? undefined : "Keep this to one line (no line breaks or tabs).",
    );
  });
});

describe("single-line and multi-line text", () => {
  it("trims before checking, so a pasted trailing line break is not an error", () => {
    expect(singleLineText().parse("  Title \r\n")).toBe("Title");
  });

  it("normalises CRLF and CR in multi-line text, as a textarea does", () => {
    expect(multiLineText().parse("one\r\ntwo\rthree\n")).toBe("one\ntwo\nthree");
  });

  it("keeps astral characters, combining marks and right-to-left text", () => {
    const text = "😀 e\u0301 שלום مرحبا \u200b";
    expect(singleLineText().parse(text)).toBe(text);
  });

  it("says where the character is", () => {
    expect(singleLineText().safeParse("abc\u0001").error?.issues[0]?.message).toBe(
      "This contains an invisible control character (U+0001) at position 4. Remove it.",
    );
  });
});

describe("claim values", () => {
  it("refuses a control character in a value under that value's name", () => {
    const result = claimValuesSchema.safeParse({ speaker: "John\u0000Smith", amount: 2500 });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [
        "speaker",
        "The value speaker contains an invisible control character (U+0000) at position 5. Remove it.",
      ],
    ]);
  });

  it("keeps a value with a line break (an extracted quote)", () => {
    expect(claimValuesSchema.parse({ quote: "first line\nsecond" })).toEqual({
      quote: "first line\nsecond",
    });
  });

  it("reaches the add-claim form under values.<name>", () => {
    const result = addClaimSchema.safeParse({
      articleId: id,
      start: 0,
      end: 4,
      text: "Some",
      kind: "quote",
      values: { speaker: "\ud83d" },
    });
    expect(result.error?.issues[0]?.path).toEqual(["values", "speaker"]);
  });
});

describe("article body", () => {
  const meta = { title: "Title" };

  it("keeps tabs and line feeds", () => {
    expect(importArticleSchema.parse({ ...meta, body: "a\tb\n\nc" }).body).toBe("a\tb\n\nc");
  });

  it("refuses a control character, naming its line", () => {
    const result = importArticleSchema.safeParse({ ...meta, body: "First.\n\nThird \u000c line." });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["body"],
      message:
        "The text contains an invisible control character (U+000C) on line 3. Remove it, or save the file as plain text, and import again.",
    });
  });

  it("refuses a lone surrogate, naming its line", () => {
    const result = importArticleSchema.safeParse({ ...meta, body: "One.\nTwo \udfff." });
    expect(result.error?.issues[0]?.message).toMatch(/broken character .* on line 2\./);
  });

  it("keeps the NUL message that says it looks binary", () => {
    const result = importArticleSchema.safeParse({ ...meta, body: "a\u0000b" });
    expect(result.error?.issues[0]?.message).toMatch(/NUL characters: it looks like a binary file/);
  });
});

describe("dates in the filters", () => {
  it.each(["2026-02-30", "2026-04-31", "2025-02-29"])("%s does not exist", (day) => {
    expect(claimFiltersSchema.safeParse({ from: day }).error?.issues[0]?.message).toBe(
      "That date does not exist.",
    );
  });

  it("a leap day does", () => {
    expect(claimFiltersSchema.parse({ from: "2024-02-29" }).from).toBe("2024-02-29");
  });
});
