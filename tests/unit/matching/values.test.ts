import { describe, expect, it } from "vitest";
import {
  cleanPostText,
  compareValues,
  sameQuantity,
  sameSpeaker,
  speakerKey,
} from "@/lib/claims/match";

describe("sameQuantity", () => {
  it("agrees within the rounding of the rounder figure", () => {
    expect(sameQuantity(2500, 2500)).toBe(true);
    expect(sameQuantity(2500, 2480)).toBe(true);
    expect(sameQuantity(2_500_000, 2_481_000)).toBe(true);
    expect(sameQuantity(300, 296)).toBe(true);
    expect(sameQuantity(0.25, 0.249)).toBe(true);
  });
  it("does not agree across a real difference or a sign", () => {
    expect(sameQuantity(2500, 3000)).toBe(false);
    expect(sameQuantity(2480, 2490)).toBe(false);
    expect(sameQuantity(5, -5)).toBe(false);
    expect(sameQuantity(12, 13)).toBe(false);
  });
});

describe("compareValues", () => {
  it("names agreeing quantities with their unit, percent and currency", () => {
    expect(compareValues({ quantity: 2500, unit: "personnel" }, { quantity: 2500 })).toEqual({
      agreeing: ["2,500 personnel"],
      conflicting: false,
    });
    expect(
      compareValues({ quantity: 12, unit: "percent" }, { quantity: 12.04, unit: "percent" })
        .agreeing,
    ).toEqual(["12%"]);
    expect(
      compareValues({ quantity: 3, currency: "USD" }, { quantity: 3, currency: "EUR" }),
    ).toEqual({
      agreeing: [],
      conflicting: true,
    });
    expect(compareValues({ min: 300 }, { quantity: 300 }).agreeing).toEqual(["300"]);
  });

  it("agrees on the same date, month or year; two different full dates conflict", () => {
    expect(compareValues({ date: "2022-01-12" }, { date: "2022-01-12" }).agreeing).toEqual([
      "12 Jan 2022",
    ]);
    expect(compareValues({ date: "2022-01-12" }, { date: "2022-01-13" })).toEqual({
      agreeing: [],
      conflicting: true,
    });
    expect(compareValues({ year: 2022, month: 1 }, { date: "2022-01-19" }).agreeing).toEqual([
      "Jan 2022",
    ]);
    expect(compareValues({ year: 1997, bound: "since" }, { year: 1997 }).agreeing).toEqual([
      "1997",
    ]);
    expect(compareValues({ year: 1997 }, { year: 1998 }).agreeing).toEqual([]);
  });

  it("agrees on the same provision of the same instrument", () => {
    expect(
      compareValues(
        { article: "4", instrument: "the Collective Security Treaty" },
        { article: "4", instrument: "Collective Security Treaty" },
      ).agreeing,
    ).toEqual(["Article 4 of the Collective Security Treaty"]);
    expect(
      compareValues({ section: "230" }, { section: "230", instrument: "CDA" }).agreeing,
    ).toEqual(["Section 230 of CDA"]);
    expect(
      compareValues(
        { article: "4", instrument: "NATO treaty" },
        { article: "4", instrument: "CSTO treaty" },
      ).agreeing,
    ).toEqual([]);
    expect(compareValues({ article: "5" }, { article: "4" }).agreeing).toEqual([]);
  });

  it("says nothing when either claim has no values", () => {
    expect(compareValues({}, { quantity: 3 })).toEqual({ agreeing: [], conflicting: false });
    expect(compareValues(null, { quantity: 3 })).toEqual({ agreeing: [], conflicting: false });
  });
});

describe("speakers", () => {
  it("compares by last name, without case, accents or suffixes", () => {
    expect(speakerKey("Alison Rowe")).toBe("rowe");
    expect(speakerKey("Martin Luther King Jr.")).toBe("king");
    expect(sameSpeaker("Ms Rowe", "Alison Rowe")).toBe("Alison Rowe");
    expect(sameSpeaker("Kassym-Jomart Tokayev", "TOKAYEV")).toBe("TOKAYEV");
    expect(sameSpeaker("José Núñez", "Jose Nunez")).toBe("Jose Nunez");
    expect(sameSpeaker("Alison Rowe", "Tom Rowland")).toBeNull();
    expect(sameSpeaker(null, "Rowe")).toBeNull();
  });
});

describe("cleanPostText", () => {
  it("drops links and splits hashtags and handles into words", () => {
    expect(
      cleanPostText(
        "Minecraft is NOT closing #StopTheRumour @realDonaldTrump https://t.co/x1 Usapic.twitter.com/Tv &amp; more",
      ),
    ).toBe("Minecraft is NOT closing Stop The Rumour real Donald Trump Usa & more");
    expect(cleanPostText("#COVID19 cases")).toBe("COVID 19 cases");
  });
});
