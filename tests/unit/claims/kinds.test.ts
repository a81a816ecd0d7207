import { describe, expect, it } from "vitest";
import {
  CLAIM_KINDS,
  type ClaimKind,
  type ExtractedClaim,
  type ExtractOptions,
  extractClaims,
} from "@/lib/claims";

const PUBLISHED: ExtractOptions = { publishedOn: "2022-01-15" };

function only(text: string, options: ExtractOptions = PUBLISHED): ExtractedClaim {
  const claims = extractClaims(text, options);
  expect(claims).toHaveLength(1);
  return claims[0] as ExtractedClaim;
}

/** The one claim of `text`, of `kind` with `values`. */
function onlyOfKind(text: string, kind: ClaimKind, values: object): ExtractedClaim {
  const claim = only(text);
  expect(claim.kind).toBe(kind);
  expect(claim.values).toEqual(values);
  return claim;
}

describe("quantity claims", () => {
  it.each([
    [
      "Troops numbering around 2,500 personnel were sent.",
      { quantity: 2500, approximate: true, unit: "personnel" },
    ],
    [
      "Twenty-five thousand protesters gathered in the square on Sunday.",
      { quantity: 25000, unit: "protesters" },
    ],
    [
      "About two hundred families lost their homes in the flood.",
      { quantity: 200, approximate: true, unit: "families" },
    ],
    [
      "Between 200 and 300 soldiers were deployed to the border.",
      { min: 200, max: 300, unit: "soldiers" },
    ],
    ["The convoy stretched for 10-15 km along the highway.", { min: 10, max: 15, unit: "km" }],
    ["More than 300 people were killed in the clashes.", { min: 300, unit: "people" }],
    ["Unemployment fell to 3.5% in May.", { quantity: 3.5, unit: "percent" }],
    ["Inflation rose 7 per cent last year.", { quantity: 7, unit: "percent" }],
    ["The government spent $1.2 billion on the programme.", { quantity: 1.2e9, currency: "USD" }],
    ["The company paid £40m to settle the case.", { quantity: 4e7, currency: "GBP" }],
  ])("%s", (text, values) => {
    onlyOfKind(text, "quantity", values);
  });

  it("does not count the pronoun 'one' or an ordinal", () => {
    const claims = extractClaims("No one knows where he is, and the first round is over.");
    expect(claims.filter((c) => c.kind === "quantity")).toEqual([]);
  });
});

describe("date claims", () => {
  it("resolves a day and month against the published date and says the year is inferred", () => {
    const claim = only("The withdrawal is slated to be completed by 19 January.");
    expect(claim.kind).toBe("date");
    expect(claim.values).toEqual({ date: "2022-01-19", yearInferred: true });
  });

  it("marks an inferred year from an approximate published date", () => {
    const claim = only("The withdrawal is slated to be completed by 19 January.", {
      ...PUBLISHED,
      approximateDate: true,
    });
    expect(claim.values).toEqual({
      date: "2022-01-19",
      yearInferred: true,
      approximateReference: true,
    });
  });

  it("picks the nearest year: a December date in a January article is last year", () => {
    expect(only("The protests began on 5 December in the oil town.").values).toEqual({
      date: "2021-12-05",
      yearInferred: true,
    });
  });

  it("keeps day and month but leaves the year unknown without a published date", () => {
    const claim = only("The withdrawal is slated to be completed by 19 January.", {});
    expect(claim.values).toEqual({ month: 1, day: 19, yearUnknown: true });
  });

  it.each([
    ["The ceasefire was signed on January 19, 2021 in Geneva.", { date: "2021-01-19" }],
    ["The election was held on 3 March 2020.", { date: "2020-03-03" }],
    ["The factory closed in 2019 after decades of losses.", { year: 2019 }],
    ["Sales collapsed in the third quarter of 2021 across the region.", { quarter: 3, year: 2021 }],
    ["Trade with Moscow boomed in the 1990s.", { decade: 1990 }],
  ])("%s", (text, values) => {
    onlyOfKind(text, "date", values);
  });

  it("does not read the modal 'may' as a month", () => {
    const claims = extractClaims("Officials may 5 times revise the plan, Reuters reported.");
    expect(claims.every((c) => c.kind !== "date")).toBe(true);
  });
});

describe("legal claims", () => {
  it.each([
    [
      "Article 4 of the Collective Security Treaty states that an attack on one is an attack on all.",
      { article: "4", instrument: "Collective Security Treaty" },
    ],
    [
      "Article 5 of the North Atlantic Treaty has been invoked only once.",
      { article: "5", instrument: "North Atlantic Treaty" },
    ],
    [
      "Section 230 of the Communications Decency Act shields platforms from liability.",
      { section: "230", instrument: "Communications Decency Act" },
    ],
    ["The platforms rely on Section 230 to avoid lawsuits.", { section: "230" }],
    ["The First Amendment protects the freedom of the press.", { amendment: "1" }],
  ])("%s", (text, values) => {
    onlyOfKind(text, "legal", values);
  });

  it("takes precedence over the numbers in the same sentence", () => {
    const claim = only(
      "Under Article 4 of the Collective Security Treaty, 2,500 troops were sent.",
    );
    expect(claim.kind).toBe("legal");
  });
});

describe("quote claims", () => {
  it.each([
    [
      '"We will not leave until the job is done," said Maria Lopez, the commander.',
      { speaker: "Maria Lopez", speakerRole: "commander" },
    ],
    ["The army withdrew from the city, John Smith said.", { speaker: "John Smith" }],
    [
      "According to Tajik analyst Parvaiz Mullajanov, the entry of the troops is a precedent.",
      { speaker: "Parvaiz Mullajanov", speakerRole: "Tajik analyst" },
    ],
    [
      "According to the Interior Ministry, the protests were organised from abroad.",
      { speaker: "Interior Ministry" },
    ],
  ])("%s", (text, values) => {
    const claim = onlyOfKind(text, "quote", values);
    expect(claim.speaker).toBe(values.speaker);
  });

  it("carries the speaker across every sentence of one curly-quoted quotation", () => {
    const text =
      "According to Tajik analyst Parvaiz Mullajanov, “The entry of the troops is a precedent. " +
      "Prior to this, the bloc was perceived as an organisation aimed at external threats. " +
      "The provision existed in its documents but was never applied in practice.” " +
      "The Treaty defines aggression as an armed attack on a member state.";
    const claims = extractClaims(text);
    const quoted = claims.filter((c) => c.start < text.indexOf("The Treaty defines"));
    expect(quoted).toHaveLength(3);
    for (const claim of quoted) expect(claim.speaker).toBe("Parvaiz Mullajanov");
    const after = claims.find((c) => c.text.startsWith("The Treaty defines"));
    expect(after?.speaker).toBeUndefined();
  });

  it("takes the speaker from after the closing mark and resolves a later 'he said'", () => {
    const text =
      '"The troops will leave this week. Nobody asked them to stay," said Kassym Tokayev. ' +
      '"The mission was a success and its objectives were achieved," he said.';
    const claims = extractClaims(text);
    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const claim of claims) expect(claim.speaker).toBe("Kassym Tokayev");
  });

  it("does not give a speaker to scare quotes without attribution", () => {
    const claims = extractClaims(
      'Kazakhstan followed a "multi-vector" policy which pursued close relations with the US.',
    );
    for (const claim of claims) expect(claim.speaker).toBeUndefined();
  });

  it("keeps a number inside a quotation a quantity, with its speaker", () => {
    const claim = only('"We sent 2,500 troops," said Kassym Tokayev.');
    expect(claim.kind).toBe("quantity");
    expect(claim.speaker).toBe("Kassym Tokayev");
  });
});

describe("comparison and event claims", () => {
  it.each([
    ["Kazakhstan is the largest country in Central Asia.", "comparison"],
    ["Russia exports more gas than any other country in the world.", "comparison"],
    ["Police arrested the former mayor of Almaty on Tuesday.", "event"],
    [
      "Karim Masimov, the former head of state security, is being investigated on suspicion of an attempted coup.",
      "event",
    ],
  ])("%s", (text, kind) => {
    expect(only(text).kind).toBe(kind);
  });
});

describe("sentences that are not claims", () => {
  it.each([
    "I think the government should resign immediately.",
    "In my view, this is a disaster for the region.",
    "Is the government really in control of the situation?",
    "How many troops were sent to Almaty?",
    "The government must act now to restore trust.",
    "Prices may rise further if the crisis continues.",
    "What a week it has been!",
    "It was a beautiful day.",
  ])("%s", (text) => {
    expect(extractClaims(text, PUBLISHED)).toEqual([]);
  });

  it("does not take headlines, navigation or bylines for claims", () => {
    const text = [
      "World News",
      "  • Home\n  • Politics\n  • Sport",
      "Home | World | Business | Opinion",
      "Russia Sends Troops To Quell Unrest In Kazakhstan",
      "By Jane Doe",
      "Troops numbering around 2,500 personnel were sent to Almaty.",
      "Related: Kazakhstan Protests Explained In Five Charts",
      "(Jane Doe is a correspondent covering Central Asia. Views expressed are personal.)",
    ].join("\n\n");
    const claims = extractClaims(text);
    expect(claims).toHaveLength(1);
    expect(claims[0]?.text).toBe("Troops numbering around 2,500 personnel were sent to Almaty.");
  });
});

describe("empty input", () => {
  it.each(["", " ", "\n\n\n", "\t \u00a0\r\n  \u2003"])("%j gives no claims", (text) => {
    expect(extractClaims(text)).toEqual([]);
  });
});

describe("options", () => {
  it("rejects a published date that is not YYYY-MM-DD", () => {
    expect(() => extractClaims("Text.", { publishedOn: "15/01/2022" })).toThrow(RangeError);
    expect(() => extractClaims("Text.", { publishedOn: "2022-02-30" })).toThrow(RangeError);
  });

  it("lists every kind once", () => {
    expect(new Set(CLAIM_KINDS).size).toBe(7);
  });
});
