import { describe, expect, it } from "vitest";
import { extractClaims } from "@/lib/claims";
import {
  addMonths,
  PRESENT_INTERVAL_MONTHS,
  proposeRecheck,
  RUNNING_TOTAL_MONTHS,
} from "@/lib/claims/recheck";

const PUBLISHED = "2026-03-10";

function propose(text: string, kind: "quantity" | "statement" = "statement", ref = PUBLISHED) {
  return proposeRecheck({ text, kind }, ref);
}

describe("proposeRecheck: present state", () => {
  it.each([
    ["The garrison has 2,500 troops in the capital.", "has 2,500 troops"],
    ["Unemployment is 4.2%, the statistics office said.", "is 4.2%"],
    ["About 2,500 soldiers are stationed near the border.", "2,500 soldiers are"],
    ["The index has risen to 112 points.", "has risen to 112 points"],
  ])("a present-tense figure (%s) is checked again six months on", (text, phrase) => {
    const proposal = propose(text, "quantity");
    expect(proposal?.recheckOn).toBe("2026-09-10");
    expect(proposal?.recheckReason).toContain(phrase);
  });

  it("a figure in the past tense does not go stale", () => {
    expect(propose("Unemployment was 4.2% in 2020.", "quantity")).toBeUndefined();
    expect(propose("In 2019 there were 3 million visitors.", "quantity")).toBeUndefined();
    expect(propose("The war ended in 1991 after 40,000 deaths.", "quantity")).toBeUndefined();
  });

  it("a present verb without a figure is only time-bound when the claim says so", () => {
    expect(propose("The minister is a former banker.")).toBeUndefined();
    expect(propose("The minister is currently on leave.")).toEqual({
      recheckOn: "2026-09-10",
      recheckReason: "Current state: “currently”",
    });
    expect(propose("At present the border stays closed to trucks.")?.recheckOn).toBe("2026-09-10");
  });

  it("a running total is checked again a month on", () => {
    const proposal = propose("So far, 120 people have been arrested.", "quantity");
    expect(proposal).toEqual({
      recheckOn: "2026-04-10",
      recheckReason: "Running total: “So far”",
    });
    expect(RUNNING_TOTAL_MONTHS).toBe(1);
    expect(PRESENT_INTERVAL_MONTHS).toBe(6);
  });

  it("“as of” counts from the day it names, even when that is before the article", () => {
    expect(
      propose("As of 1 January 2026, the agency employed 300 staff.", "quantity")?.recheckOn,
    ).toBe("2026-07-01");
    expect(propose("As of March 2025, 40 mines were still open.", "quantity")).toEqual({
      recheckOn: "2025-09-30",
      recheckReason: "Figure as of a date: “As of March 2025”",
    });
    // Without a date it is the article's own day.
    expect(propose("As of now, the bridge stays closed.")?.recheckOn).toBe("2026-09-10");
  });
});

describe("proposeRecheck: periods and dates ahead", () => {
  it("“this year” and “this month” run to the end of that period", () => {
    expect(propose("Inflation this year reached 7%.", "quantity")).toEqual({
      recheckOn: "2026-12-31",
      recheckReason: "Period still running: “this year”",
    });
    expect(propose("The deal will be signed this month.")?.recheckOn).toBe("2026-03-31");
    expect(propose("The deal will be signed later this year.")?.recheckOn).toBe("2026-12-31");
  });

  it("“next year”, “next month” and spans are counted from the article's day", () => {
    expect(propose("The party expects to win next year.")?.recheckOn).toBe("2027-12-31");
    expect(propose("Prices will fall next month, the bank says.")?.recheckOn).toBe("2026-04-30");
    expect(propose("The talks will conclude within two weeks.")?.recheckOn).toBe("2026-03-24");
    expect(propose("The plant will reopen in 18 months.")?.recheckOn).toBe("2027-09-10");
  });

  it("a date ahead is the end of what it names", () => {
    expect(propose("The plant will close by March 2027.")).toEqual({
      recheckOn: "2027-03-31",
      recheckReason: "Date still ahead: “March 2027”",
    });
    expect(propose("The reform takes effect in 2028, officials said.")?.recheckOn).toBe(
      "2028-12-31",
    );
    expect(propose("The summit is set for June 14, 2026.")?.recheckOn).toBe("2026-06-14");
    expect(propose("The vote is scheduled for 2026-11-03.")?.recheckOn).toBe("2026-11-03");
  });

  it("a day without a year is in the article's year, or the next when the claim looks ahead", () => {
    expect(propose("The election on 5 May will decide the government.")?.recheckOn).toBe(
      "2026-05-05",
    );
    // Passed, and told in the past: history.
    expect(propose("The election on 5 February decided the government.")).toBeUndefined();
    // Passed, but told as to come: next year's.
    expect(propose("The election on 5 February will decide it.")?.recheckOn).toBe("2027-02-05");
  });

  it("dates before the article and lower-case “may” are not dates ahead", () => {
    expect(propose("The treaty was signed on 15 May 1992.")).toBeUndefined();
    expect(propose("Officials may revise the plan in the spring.")).toBeUndefined();
  });

  it("the earliest of several dates wins", () => {
    const proposal = propose(
      "The army currently has 2,500 troops there and will withdraw them by 2030.",
      "quantity",
    );
    expect(proposal?.recheckOn).toBe("2026-09-10");
  });

  it("nothing is proposed without a reference day", () => {
    expect(
      proposeRecheck({ text: "The army has 2,500 troops.", kind: "quantity" }, undefined),
    ).toBeUndefined();
  });
});

describe("addMonths", () => {
  it("keeps the day, or takes the month's last day when it is shorter", () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(addMonths(day("2026-08-31"), 6).toISOString().slice(0, 10)).toBe("2027-02-28");
    expect(addMonths(day("2026-01-15"), 1).toISOString().slice(0, 10)).toBe("2026-02-15");
  });
});

describe("extraction carries the proposal", () => {
  const text =
    "Russia has 2,500 troops in Kazakhstan, the defence ministry said on Monday. " +
    "The treaty was signed in 1992 by six former Soviet republics in Tashkent.";

  it("from the published date", () => {
    const claims = extractClaims(text, { publishedOn: "2022-01-15" });
    const troops = claims.find((c) => c.text.includes("2,500 troops"));
    expect(troops?.recheckOn).toBe("2022-07-15");
    expect(troops?.recheckReason).toBe("Present-tense figure: “has 2,500 troops”");
    const treaty = claims.find((c) => c.text.includes("treaty"));
    expect(treaty).toBeDefined();
    expect(treaty?.recheckOn).toBeUndefined();
  });

  it("from the import date when there is no published date, and not at all without either", () => {
    const imported = extractClaims(text, { importedOn: "2026-12-01" });
    expect(imported.find((c) => c.text.includes("2,500"))?.recheckOn).toBe("2027-06-01");
    const published = extractClaims(text, { publishedOn: "2022-01-15", importedOn: "2026-12-01" });
    expect(published.find((c) => c.text.includes("2,500"))?.recheckOn).toBe("2022-07-15");
    expect(extractClaims(text).every((c) => c.recheckOn === undefined)).toBe(true);
  });

  it("refuses a malformed import date like a malformed published date", () => {
    expect(() => extractClaims(text, { importedOn: "01/12/2026" })).toThrow(/importedOn/);
  });
});
