import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { htmlToText, MAX_HTML_DEPTH } from "@/lib/services/articles/read-upload";

const nested = (depth: number, tag = "div") =>
  `${`<${tag}>`.repeat(depth)}Deep text${`</${tag}>`.repeat(depth)}`;

describe("HTML nesting limit", () => {
  it("reads HTML nested up to the limit", () => {
    expect(htmlToText(nested(MAX_HTML_DEPTH))).toBe("Deep text");
  });

  it("refuses deeper HTML with a ValidationError naming the limit, closed or not", () => {
    for (const html of [
      nested(MAX_HTML_DEPTH + 1),
      nested(100_000, "span"),
      "<b>".repeat(100_000),
    ]) {
      const error = (() => {
        try {
          htmlToText(html);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.file?.[0]).toMatch(/more than 500 levels/);
    }
  });

  it("does not count void elements and implied closings as nesting", () => {
    const html = `<p>${"one<br>two<img src=x><p>next ".repeat(2000)}</p>`;
    expect(htmlToText(html)).toContain("next");
  });
});
