import { describe, expect, it } from "vitest";
import type { DateValues, LegalValues, QuantityValues, QuoteValues } from "@/lib/claims/kinds";
import { numberInWords, valueWords } from "@/lib/claims/value-words";

describe("valueWords", () => {
  it.each<[QuantityValues, string]>([
    [{ quantity: 2500, approximate: true, unit: "personnel" }, "about 2,500 personnel"],
    [{ quantity: 25000, unit: "protesters" }, "25,000 protesters"],
    [{ min: 200, max: 300, unit: "soldiers" }, "between 200 and 300 soldiers"],
    [{ min: 10, max: 15, unit: "km", approximate: true }, "between about 10 and 15 km"],
    [{ min: 300, unit: "people" }, "at least 300 people"],
    [{ max: 50 }, "at most 50"],
    [{ quantity: 3.5, unit: "percent" }, "3.5%"],
    [{ min: 2, max: 4.5, unit: "percent" }, "between 2% and 4.5%"],
    [{ quantity: 1.2e9, currency: "USD" }, "US$1.2 billion"],
    [{ quantity: 4e7, currency: "GBP" }, "£40 million"],
    [{ quantity: 5e6, currency: "KZT" }, "5 million KZT"],
    [{ min: 1e6, max: 2.5e6, currency: "EUR" }, "between €1 million and €2.5 million"],
    [{ quantity: 12, currency: "¤¤" }, "12 ¤¤"],
  ])("quantity %j", (values, words) => {
    expect(valueWords(values)).toBe(words);
  });

  it.each<[DateValues, string]>([
    [{ date: "2022-01-19", yearInferred: true }, "19 January 2022 (year inferred)"],
    [
      { date: "2022-01-19", yearInferred: true, approximateReference: true },
      "19 January 2022 (year inferred from an approximate publication date)",
    ],
    [{ date: "2020-03-03" }, "3 March 2020"],
    [{ month: 1, day: 19, yearUnknown: true }, "19 January (year unknown)"],
    [{ year: 2019 }, "2019"],
    [{ year: 2022, month: 5 }, "May 2022"],
    [{ quarter: 3, year: 2021 }, "the third quarter of 2021"],
    [{ decade: 1990 }, "the 1990s"],
  ])("date %j", (values, words) => {
    expect(valueWords(values)).toBe(words);
  });

  it.each<[LegalValues, string]>([
    [
      { article: "4", instrument: "Collective Security Treaty" },
      "Article 4 of the Collective Security Treaty",
    ],
    [
      { section: "230", instrument: "Communications Decency Act" },
      "Section 230 of the Communications Decency Act",
    ],
    [{ section: "230" }, "Section 230"],
    [{ amendment: "1" }, "the First Amendment"],
    [{ amendment: "14" }, "Amendment 14"],
    [
      { article: "5", paragraph: "2", instrument: "the Treaty on European Union" },
      "Article 5, Paragraph 2 of the Treaty on European Union",
    ],
    [
      { clause: "3", chapter: "II", title: "IV", rule: "12" },
      "Clause 3, Chapter II, Title IV, Rule 12",
    ],
    [{ instrument: "Geneva Conventions" }, "the Geneva Conventions"],
  ])("legal %j", (values, words) => {
    expect(valueWords(values)).toBe(words);
  });

  it("names a speaker", () => {
    const quote: QuoteValues = { speaker: "Parvaiz Mullajanov" };
    expect(valueWords(quote)).toBe("said by Parvaiz Mullajanov");
  });

  it("gives nothing for empty values", () => {
    expect(valueWords({})).toBe("");
  });

  it("shows unknown keys and mistyped known keys as 'key: value', in their order", () => {
    expect(
      valueWords({
        quantity: 2500,
        unit: "troops",
        sourceCountry: "Russia",
        confidence_level: 0.8,
        verified: false,
        tags: ["a", "b"],
        range: { low: 1, high: 2 },
        note: null,
      }),
    ).toBe(
      "2,500 troops; source country: Russia; confidence level: 0.8; verified: no; tags: a, b; " +
        'range: {"low":1,"high":2}; note: none',
    );
    expect(valueWords({ quantity: "many", year: "1990s", article: "" })).toBe(
      "quantity: many; year: 1990s; article: ",
    );
    // Flags with nothing to qualify are shown as they are, not dropped.
    expect(valueWords({ approximate: true, yearInferred: true, unit: "km" })).toBe(
      "approximate: yes; year inferred: yes; unit: km",
    );
  });

  it("handles a money range shape it does not know without throwing", () => {
    expect(valueWords({ money: { min: 1e6, max: 2e6, currency: "USD" } })).toBe(
      'money: {"min":1000000,"max":2000000,"currency":"USD"}',
    );
    expect(valueWords({ date: "sometime", month: 13 })).toBe("date: sometime; month: 13");
  });
});

describe("numberInWords", () => {
  it("groups thousands and names millions and above", () => {
    expect(numberInWords(2500)).toBe("2,500");
    expect(numberInWords(999_999)).toBe("999,999");
    expect(numberInWords(1_234_567)).toBe("1,234,567");
    expect(numberInWords(2_345_000_000)).toBe("2.345 billion");
    expect(numberInWords(3e12)).toBe("3 trillion");
    expect(numberInWords(-4e6)).toBe("-4 million");
  });
});
