import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/session";

describe("callbackUrl after sign-in", () => {
  it.each([
    ["/articles", "/articles"],
    ["/articles/1?kind=date#c2", "/articles/1?kind=date#c2"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    "articles",
    "/a\nb",
    undefined,
    42,
  ])("ignores %s", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });
});
