import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, searchFingerprint } from "@/lib/search/cursor";

const ID = "0b6f5d55-8f64-4c8e-9a57-1d2c3b4a5f60";
const print = searchFingerprint({ q: "troops", type: "all" });

function raw(values: unknown): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

describe("search cursor", () => {
  it("round-trips the score, type and id of the last result", () => {
    const cursor = { score: 1_234_567, type: 2 as const, id: ID };
    const encoded = encodeCursor(cursor, print);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded, print)).toEqual({ ok: true, cursor });
  });

  it("is refused by another search", () => {
    const encoded = encodeCursor({ score: 5, type: 0, id: ID }, print);
    const other = searchFingerprint({ q: "troops", type: "claims" });
    expect(other).not.toBe(print);
    expect(decodeCursor(encoded, other)).toEqual({ ok: false, reason: "other-search" });
  });

  it("refuses anything it did not make", () => {
    const damaged = [
      "",
      "not base64!",
      "a".repeat(401),
      raw("just a string"),
      raw([1, print, 5, 0]),
      raw([2, print, 5, 0, ID]),
      raw([1, print, -1, 0, ID]),
      raw([1, print, 1.5, 0, ID]),
      raw([1, print, "5", 0, ID]),
      raw([1, print, 2 ** 60, 0, ID]),
      raw([1, print, 5, 3, ID]),
      raw([1, print, 5, 0, "1; drop table claims"]),
      raw([1, "XYZ", 5, 0, ID]),
      raw({ score: 5 }),
      Buffer.from("[1,").toString("base64url"),
    ];
    for (const value of damaged) {
      expect(decodeCursor(value, print), value).toEqual({ ok: false, reason: "damaged" });
    }
  });

  it("fingerprints the same search alike and different searches apart", () => {
    expect(searchFingerprint({ q: "troops", type: "all" })).toBe(print);
    expect(searchFingerprint({ q: "troop", type: "all" })).not.toBe(print);
    expect(searchFingerprint({ q: "troops", type: "all", kind: "quantity" })).not.toBe(print);
    expect(print).toMatch(/^[0-9a-f]{8}$/);
  });
});
