// Extraction v2: recall, one claim per proposition, attribution and values, each pinned on
// sentences written for these tests.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ExtractedClaim,
  extractClaims,
  isLowPriority,
  LOW_PRIORITY_BELOW,
} from "@/lib/claims";
import { CHECKWORTHY_THRESHOLD } from "@/lib/claims/score";

function claimsOf(text: string): ExtractedClaim[] {
  return extractClaims(text, { publishedOn: "2024-05-01" });
}

function claimAt(claims: ExtractedClaim[], text: string, words: string): ExtractedClaim {
  const at = text.indexOf(words);
  const claim = claims.find((c) => c.start <= at && c.end >= at + words.length);
  if (!claim) throw new Error(`no claim covers "${words}"`);
  return claim;
}

describe("recall: every checkable fact yields a claim", () => {
  it.each([
    "The harbour board sold the old ferry terminal to Brightwater Holdings.",
    "Councillor Ben Ortiz voted against the budget at the meeting.",
    "The Ministry of Transport has reopened the coastal railway line.",
  ])("keeps a named actor doing something: %s", (text) => {
    expect(claimsOf(text)).toHaveLength(1);
  });

  it("marks a low score as low priority instead of dropping the claim", () => {
    const text = "The Ministry of Transport has reopened the coastal railway line.";
    const [claim] = claimsOf(text);
    expect(LOW_PRIORITY_BELOW).toBe(CHECKWORTHY_THRESHOLD);
    expect(isLowPriority(claim?.score ?? 1)).toBe((claim?.score ?? 1) < CHECKWORTHY_THRESHOLD);
    expect(isLowPriority(CHECKWORTHY_THRESHOLD - 0.01)).toBe(true);
    expect(isLowPriority(CHECKWORTHY_THRESHOLD)).toBe(false);
  });

  it.each([
    "Is the council hiding the true cost of the new scheme?",
    "What a wonderful day it was for everyone in the village!",
    "I think the plan is simply a terrible idea for all of us.",
    "Read more: How the council spends your money",
    "The town should rethink its whole approach to parking.",
  ])("leaves out opinion, questions and furniture: %s", (text) => {
    expect(claimsOf(text)).toEqual([]);
  });

  it("keeps the fact beside a speculation", () => {
    const text =
      "The old regime may be finished for good as statues of General Marrow were pulled down.";
    expect(claimsOf(text)).toHaveLength(1);
  });
});

describe("one proposition, one claim", () => {
  it.each([
    [
      "The minister resigned on Monday and two of her deputies were dismissed the next day.",
      ["The minister resigned on Monday", "two of her deputies were dismissed the next day."],
    ],
    [
      "The port handled 2 million containers; its rival in Antwerp handled half as many.",
      ["The port handled 2 million containers", "its rival in Antwerp handled half as many."],
    ],
    [
      "The mine at Carrow closed in 1991 – 400 workers lost their jobs.",
      ["The mine at Carrow closed in 1991", "400 workers lost their jobs."],
    ],
    [
      "The firm cut 300 jobs in Leeds, as well as the board approved a new plant in Hull.",
      ["The firm cut 300 jobs in Leeds", "the board approved a new plant in Hull."],
    ],
    [
      "Turnout fell to 52% but the governing party still won 310 seats.",
      ["Turnout fell to 52%", "the governing party still won 310 seats."],
    ],
  ])("%s", (text, parts) => {
    expect(claimsOf(text).map((c) => c.text)).toEqual(parts);
  });

  it("gives each part its own kind and values", () => {
    const text = "The mine at Carrow closed in 1991 – 400 workers lost their jobs.";
    const [closed, jobs] = claimsOf(text);
    expect(closed?.kind).toBe("date");
    expect(closed?.values).toMatchObject({ year: 1991 });
    expect(jobs?.kind).toBe("quantity");
    expect(jobs?.values).toEqual({ quantity: 400, unit: "workers" });
  });

  it.each([
    "The mayor opened and later closed the new library on Elm Street.",
    "Smith and Jones founded the company in Bristol in 1998.",
    "The Carrow council bought apples, pears and plums for the school fair.",
  ])("does not split a shared subject or a list: %s", (text) => {
    expect(claimsOf(text)).toHaveLength(1);
  });
});

describe("attribution", () => {
  it.each([
    ["Officials counted 4,000 votes, Peter Hale said.", "Peter Hale", undefined],
    ["Peter Hale said that 4,000 votes had been counted.", "Peter Hale", undefined],
    ["The count was finished by noon, said Peter Hale.", "Peter Hale", undefined],
    ["According to Peter Hale, 4,000 votes were counted.", "Peter Hale", undefined],
    ["Peter Hale told the BBC that 4,000 votes were counted.", "Peter Hale", undefined],
    ["Peter Hale warned that the count was incomplete.", "Peter Hale", undefined],
    ["Peter Hale argued that the count had been fair.", "Peter Hale", undefined],
    [
      "The Electoral Commission's spokesman said 4,000 votes were counted.",
      "Electoral Commission",
      "spokesman",
    ],
    [
      "Shadow health secretary Alison Rowe said the waiting list had doubled.",
      "Alison Rowe",
      "Shadow health secretary",
    ],
    [
      "Karim Osman, the former head of the tax office, argued that fraud had fallen.",
      "Karim Osman",
      "former head of the tax office",
    ],
    [
      "A spokeswoman for the Harbour Trust said the ferry would resume in June.",
      "Harbour Trust",
      "spokeswoman",
    ],
    [
      "The ferry sailed twice a day, according to a Harbour Trust spokesman.",
      "Harbour Trust",
      "spokesman",
    ],
    [
      "According to figures from the Office of Rail Safety, 12 trains were late.",
      "Office of Rail Safety",
      undefined,
    ],
    [
      "''The wall held for 40 years,'' said Ruth Okoro, the harbour engineer.",
      "Ruth Okoro",
      "harbour engineer",
    ],
    ["Senator Dana Fox (D-Maine) said the base employed 3,000 people.", "Dana Fox", "Senator"],
    ["9:15 a.m. Dana Fox is declaring that the base will stay open.", "Dana Fox", undefined],
    [
      "The Carrow Council approved the budget, saying it met every target.",
      "Carrow Council",
      undefined,
    ],
    [
      "Gary Lund, a former party chairman, became a delegate and said he backed the plan.",
      "Gary Lund",
      "former party chairman",
    ],
    [
      "A Lindqvist Institute poll found that 61% of voters backed the plan.",
      "Lindqvist Institute poll",
      undefined,
    ],
    [
      "Dana Fox, the chief executive of Harbour Trust, a charity that has sued the port authority twice, said 400 berths were empty.",
      "Dana Fox",
      "chief executive of Harbour Trust",
    ],
    [
      "Jo Hart, 39, a nurse from Ripon, told the Daily Courier that 12 wards had closed.",
      "Jo Hart",
      "nurse from Ripon",
    ],
    ["Her spokesman, Brian Moss, said the ferry carried 300 people.", "Brian Moss", "spokesman"],
    ["Sen. Ann Fox (D-Vt.) said the base employed 3,000 people.", "Ann Fox", "Sen."],
    ["Gov. Mary Vale of Oregon said the tax raised $40m.", "Mary Vale", "Gov. of Oregon"],
    ["Peter Hale on Tuesday said 4,000 votes had been counted.", "Peter Hale", undefined],
    [
      "Officials counted 4,000 votes in Carrow, said Peter Hale on Sunday.",
      "Peter Hale",
      undefined,
    ],
    [
      "Harbour Trust spokesmen said 12 ships were turned away in May.",
      "Harbour Trust",
      "spokesmen",
    ],
    ["The Ortiz campaign responded that it had raised $2m in March.", "Ortiz campaign", undefined],
    [
      "“The count was fair and took nine hours,” said Boston-based lawyer Ruth Okoro.",
      "Ruth Okoro",
      "Boston-based lawyer",
    ],
    ["RUTH OKORO: We counted 4,000 votes on Tuesday night in Carrow.", "RUTH OKORO", undefined],
    ["While Ben Ortiz says the budget grew, Ann Fox said it shrank by £2m.", "Ann Fox", undefined],
    ["Peter Hale told the Daily Courier: “We counted 4,000 votes.”", "Peter Hale", undefined],
    [
      "The ferry will stop in June, Peter Hale said, adding that 40 staff would lose their jobs.",
      "Peter Hale",
      undefined,
    ],
    [
      "Ann Fox dismissed the claim that the depot had closed — saying 40 buses still left it every day.",
      "Ann Fox",
      undefined,
    ],
    [
      "Some 40 percent of voters backed the plan, according to a Carrow Institute poll last week.",
      "Carrow Institute poll",
      undefined,
    ],
  ])("%s", (text, speaker, role) => {
    const claims = claimsOf(text);
    expect(claims).toHaveLength(1);
    expect(claims[0]?.speaker).toBe(speaker);
    expect(claims[0]?.speakerRole).toBe(role);
  });

  it("resolves a later surname and honorific to the full name, and keeps the role", () => {
    const text =
      "Shadow health secretary Alison Rowe said the waiting list had doubled since 2019. " +
      "Ms Rowe added that 40 hospitals had closed wards.";
    const claim = claimAt(claimsOf(text), text, "Ms Rowe added");
    expect(claim.speaker).toBe("Alison Rowe");
    expect(claim.speakerRole).toBe("Shadow health secretary");
  });

  it("resolves a pronoun to the person who just spoke", () => {
    const text =
      "Harbour master Tom Reyes said 12 ships had been turned away. " +
      "He added that the storm wall had been breached twice.";
    expect(claimAt(claimsOf(text), text, "He added").speaker).toBe("Tom Reyes");
  });

  it("gives no speaker rather than a guess for a pronoun far from any name", () => {
    const text =
      "The storm hit the coast on Friday. The harbour wall was breached in two places. " +
      "Ferries were cancelled for three days. Schools in Porthleven were closed. " +
      "She said the repairs would cost £2m.";
    expect(claimAt(claimsOf(text), text, "She said").speaker).toBeUndefined();
  });

  it("carries a quotation's speaker over sentences and into the next paragraph", () => {
    const text =
      "Mayor Jane Ito said: “The depot closed in 2012. The site has stood empty ever since.\n\n" +
      "“We have sold it to a developer for £3m and building starts in spring.”\n\n" +
      "The council meets again on Tuesday to approve the sale to Carrow Homes.";
    const claims = claimsOf(text);
    const quoted = claims.filter((c) => c.start < text.indexOf("The council meets"));
    expect(quoted.length).toBeGreaterThanOrEqual(3);
    for (const claim of quoted) {
      expect(claim.speaker).toBe("Jane Ito");
      expect(claim.speakerRole).toBe("Mayor");
    }
    expect(claimAt(claims, text, "The council meets").speaker).toBeUndefined();
  });

  it("gives each proposition the speaker of its own cue", () => {
    const text =
      "Ann Fox said the budget shrank by £2m, while Ben Ortiz insisted that it grew by £1m.";
    const claims = claimsOf(text);
    expect(claims.map((c) => c.speaker)).toEqual(["Ann Fox", "Ben Ortiz"]);
  });

  it("keeps quoting the last speaker in a quotation with no cue of its own", () => {
    const text =
      "“We counted 4,000 votes,” said Peter Hale. “The count took nine hours in the town hall.”";
    expect(claimAt(claimsOf(text), text, "The count took").speaker).toBe("Peter Hale");
  });

  it("does not take the listener of 'told' or a place for the speaker", () => {
    for (const text of [
      "Jo Hart told the Daily Courier that 12 wards had closed in Ripon.",
      "The Vermont senator said the base employed 3,000 people.",
    ]) {
      for (const claim of claimsOf(text)) {
        expect(claim.speaker ?? "").not.toMatch(/Courier|Vermont/);
      }
    }
  });

  it("takes the speaker of a quotation opened after a colon", () => {
    const text = "Professor Hana Berg was blunt: “Forty per cent of the wells have run dry.”";
    expect(claimsOf(text)[0]?.speaker).toBe("Hana Berg");
  });

  it("does not make the outlet or the author a speaker of the article's own claims", () => {
    const text = "The Daily Courier has learned that 40 staff were laid off at the Carrow plant.";
    for (const claim of claimsOf(text)) expect(claim.speaker).toBeUndefined();
  });
});

describe("values", () => {
  it.each([
    ["The council spent £4m on the new bridge.", { quantity: 4_000_000, currency: "GBP" }],
    ["The club paid 4 million pounds for the striker.", { quantity: 4_000_000, currency: "GBP" }],
    [
      "The firm raised $31.5 million from its investors.",
      { quantity: 31_500_000, currency: "USD" },
    ],
    [
      "The regulator fined the bank €1.2bn over the scandal.",
      { quantity: 1_200_000_000, currency: "EUR" },
    ],
    ["Unemployment fell to 4.2% in the last quarter.", { quantity: 4.2, unit: "percent" }],
    [
      "Turnout rose by 3 percentage points in the north.",
      { quantity: 3, unit: "percentage points" },
    ],
    ["Patients waited 13 to 26 weeks for an operation.", { min: 13, max: 26, unit: "weeks" }],
    ["The strike at the depot lasted three weeks in all.", { quantity: 3, unit: "weeks" }],
  ])("%s", (text, values) => {
    const [claim] = claimsOf(text);
    expect(claim?.kind).toBe("quantity");
    expect(claim?.values).toEqual(values);
  });

  it.each([
    ["The school has been run by the Carrow Trust since 1997.", { year: 1997, bound: "since" }],
    ["The Harbour Board will finish the road by the end of 2006.", { year: 2006, bound: "by" }],
    [
      "Crime fell between 2005 and 2008 in every borough of Leeds.",
      { fromYear: 2005, toYear: 2008 },
    ],
  ])("%s", (text, values) => {
    const [claim] = claimsOf(text);
    expect(claim?.kind).toBe("date");
    expect(claim?.values).toEqual(values);
  });

  it.each([
    [
      "He was charged under Section 5 of the Public Order Act.",
      { section: "5", instrument: "Public Order Act" },
    ],
    [
      "The strikes relied on Article 51 of the UN Charter.",
      { article: "51", instrument: "UN Charter" },
    ],
    ["The Security Council passed Resolution 1973 after a long debate.", { resolution: "1973" }],
  ])("%s", (text, values) => {
    const [claim] = claimsOf(text);
    expect(claim?.kind).toBe("legal");
    expect(claim?.values).toEqual(values);
  });
});

const CLAUSES = [
  "The minister resigned on Monday",
  "two of her deputies were dismissed the next day",
  "the port handled 2 million containers",
  "Peter Hale said the count was fair",
  "its rival in Antwerp handled half as many",
  "the mine at Carrow closed in 1991",
  "400 workers lost their jobs",
  "“the site has stood empty ever since,” said Jane Ito",
];
const JOINS = ["; ", " and ", " – ", ", as well as ", " but ", ", and "];

describe("claims of compound sentences (property)", () => {
  it("keep their text equal to their slice and never overlap", () => {
    const sentence = fc
      .array(fc.tuple(fc.constantFrom(...CLAUSES), fc.constantFrom(...JOINS)), {
        minLength: 1,
        maxLength: 4,
      })
      .map((parts) => {
        const body = parts.map(([clause, join], i) => (i === 0 ? clause : `${join}${clause}`));
        return `${body.join("")}.`;
      });
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), (sentences) => {
        const text = sentences.join(" ");
        const claims = extractClaims(text);
        let previousEnd = 0;
        for (const claim of claims) {
          expect(claim.text).toBe(text.slice(claim.start, claim.end));
          expect(claim.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = claim.end;
        }
      }),
      { numRuns: 200 },
    );
  });
});
