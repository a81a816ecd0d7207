import { describe, expect, it } from "vitest";
import { fromJsonProps, memoByJsonProps, toJsonProps, toSharedJsonProps } from "@/lib/json-props";

describe("JSON props", () => {
  it("carry plain data and dates (as ISO strings) through one string", () => {
    const value = { n: 1, s: "<script>", at: new Date("2022-01-19T00:00:00Z"), list: [null, true] };
    expect(fromJsonProps(toJsonProps(value))).toEqual({
      ...value,
      at: "2022-01-19T00:00:00.000Z",
    });
  });

  it("write a shared value's text once, and a different value's afresh", () => {
    const rows = [{ id: "a", title: "First" }];
    const text = toSharedJsonProps(rows);
    expect(text).toBe(JSON.stringify(rows));
    // The text is kept for this very value (shared values are never mutated, so it stays right).
    rows.push({ id: "b", title: "Second" });
    expect(toSharedJsonProps(rows)).toBe(text);
    const copy = [...rows];
    expect(toSharedJsonProps(copy)).toBe(JSON.stringify(copy));
  });

  it("render once per text on the server, the oldest text out beyond the limit", () => {
    let calls = 0;
    const render = memoByJsonProps(2, (value: { n: number }) => {
      calls++;
      return { markup: `<b>${value.n}</b>` };
    });
    const one = render(toJsonProps({ n: 1 }));
    expect(render(toJsonProps({ n: 1 }))).toBe(one);
    expect(calls).toBe(1);
    expect(render(toJsonProps({ n: 2 })).markup).toBe("<b>2</b>");
    expect(render(toJsonProps({ n: 3 })).markup).toBe("<b>3</b>");
    expect(calls).toBe(3);
    // {n: 1} was the oldest of three with room for two: rendered again, to the same markup.
    expect(render(toJsonProps({ n: 1 }))).toEqual(one);
    expect(calls).toBe(4);
  });
});
