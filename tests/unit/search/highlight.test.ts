import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, plainText, splitHighlight } from "@/lib/search/highlight";

const S = MARK_START;
const E = MARK_END;

describe("splitHighlight", () => {
  it("splits marked words from plain text, in order", () => {
    expect(splitHighlight(`The ${S}ministry${E} said 2,500 ${S}troops${E} arrived`)).toEqual([
      { text: "The ", mark: false },
      { text: "ministry", mark: true },
      { text: " said 2,500 ", mark: false },
      { text: "troops", mark: true },
      { text: " arrived", mark: false },
    ]);
  });

  it("gives one plain piece for a text without marks, and nothing for an empty one", () => {
    expect(splitHighlight("No match here")).toEqual([{ text: "No match here", mark: false }]);
    expect(splitHighlight("")).toEqual([]);
  });

  it("joins neighbouring marks and drops empty ones", () => {
    expect(splitHighlight(`${S}2,500${E}${S}troops${E}${S}${E} left`)).toEqual([
      { text: "2,500troops", mark: true },
      { text: " left", mark: false },
    ]);
  });

  it("ignores markers out of place: a start inside a mark, an end outside one, an open mark", () => {
    expect(splitHighlight(`a${E}b ${S}c${S}d${E} e ${S}f`)).toEqual([
      { text: "ab ", mark: false },
      { text: "cd", mark: true },
      { text: " e f", mark: false },
    ]);
  });

  it("keeps markup and entities as text (React escapes them)", () => {
    const pieces = splitHighlight(`<img src=x onerror=alert(1)> ${S}&amp;${E} <script>`);
    expect(pieces).toEqual([
      { text: "<img src=x onerror=alert(1)> ", mark: false },
      { text: "&amp;", mark: true },
      { text: " <script>", mark: false },
    ]);
    expect(plainText(pieces)).toBe("<img src=x onerror=alert(1)> &amp; <script>");
  });

  it("keeps characters outside the basic plane whole", () => {
    expect(splitHighlight(`😀 ${S}𝒳${E}`)).toEqual([
      { text: "😀 ", mark: false },
      { text: "𝒳", mark: true },
    ]);
  });
});
