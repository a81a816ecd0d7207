import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv";

describe("csv", () => {
  it.each(["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"])(
    "neutralises the formula-leading cell %j",
    (value) => {
      expect(csvCell(value).replace(/^"|"$/g, "").startsWith("'")).toBe(true);
    },
  );

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell('He said "no", twice\nthen left')).toBe('"He said ""no"", twice\nthen left"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
  });

  it("writes CRLF rows after a byte-order mark", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("\uFEFFa,b\r\n1,x\r\n");
  });
});
