// Plain constants and types for claim kinds. No imports, so client components can use them
// without pulling the NLP model into a bundle.

/**
 * Every claim kind, in precedence order: when a sentence qualifies for several kinds the first one
 * listed wins (a sentence citing "Article 4" and "2,500 troops" is legal). Legal references and
 * numbers are the most precisely checkable, so they come first; a quotation is next because who
 * said it is itself the thing to check; comparison and event are softer; statement is what is
 * left when the check-worthiness score alone makes the sentence worth a look.
 */
export const CLAIM_KINDS = [
  "legal",
  "quantity",
  "date",
  "quote",
  "comparison",
  "event",
  "statement",
] as const;

export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * A number found in the claim. `quantity` for a single value, `min`/`max` for a range or a bound
 * ("more than 300" is `{ min: 300 }`). Percentages have `unit: "percent"`; money has an ISO 4217
 * `currency` (or the symbol when the currency is ambiguous).
 */
export interface QuantityValues {
  quantity?: number;
  min?: number;
  max?: number;
  approximate?: true;
  unit?: string;
  currency?: string;
}

/**
 * A date found in the claim. A full date is `date` (ISO yyyy-mm-dd); `yearInferred` says the year
 * came from the published date, `yearUnknown` that there was no published date to take it from
 * (then only `month` and `day` are set). Years, decades and quarters without a day use `year`,
 * `decade`, `quarter`. A year bounded by a preposition keeps it in `bound` ("since 1997" is
 * `{ year: 1997, bound: "since" }`, "by the end of 2006" `{ year: 2006, bound: "by" }`); a span of
 * years is `fromYear`–`toYear` ("between 2005 and 2008").
 */
export interface DateValues {
  date?: string;
  year?: number;
  month?: number;
  day?: number;
  decade?: number;
  quarter?: number;
  bound?: "since" | "by" | "until" | "before" | "after";
  fromYear?: number;
  toYear?: number;
  yearInferred?: true;
  yearUnknown?: true;
  /** The year was inferred from a published date that is itself only approximate. */
  approximateReference?: true;
}

/** The provisions a legal reference can name, each a key of `LegalValues`. */
export const LEGAL_PROVISIONS = [
  "article",
  "section",
  "clause",
  "paragraph",
  "chapter",
  "title",
  "rule",
  "amendment",
  "resolution",
] as const;
export type LegalProvision = (typeof LEGAL_PROVISIONS)[number];

/**
 * A reference to a provision of a legal instrument. The provision is keyed by its own word:
 * "Article 4 of the Collective Security Treaty" is `{ article: "4", instrument: "…" }`,
 * "Section 230 of the Communications Decency Act" is `{ section: "230", instrument: "…" }`.
 */
export interface LegalValues {
  article?: string;
  section?: string;
  clause?: string;
  paragraph?: string;
  chapter?: string;
  title?: string;
  rule?: string;
  amendment?: string;
  /** A numbered resolution: "Resolution 1973" (of the UN Security Council) is `{ resolution: "1973" }`. */
  resolution?: string;
  instrument?: string;
}

/**
 * Who is quoted or reported: `speaker` a person or body as named in the text (a later "Ms Rowe"
 * is the "Alison Rowe" named before), `speakerRole` the title or role the text gives them
 * ("Shadow health secretary"), split off the name.
 */
export interface QuoteValues {
  speaker: string;
  speakerRole?: string;
}

export type EmptyValues = Record<string, never>;

export type ClaimValues = QuantityValues | DateValues | LegalValues | QuoteValues | EmptyValues;

export type KindAndValues =
  | { kind: "quantity"; values: QuantityValues }
  | { kind: "date"; values: DateValues }
  | { kind: "legal"; values: LegalValues }
  | { kind: "quote"; values: QuoteValues }
  | { kind: "comparison"; values: EmptyValues }
  | { kind: "event"; values: EmptyValues }
  | { kind: "statement"; values: EmptyValues };

/**
 * One claim found in a text. `text === input.slice(start, end)` (UTF-16 offsets); `prefix` and
 * `suffix` are up to 32 characters either side, so the claim can be found again after an edit
 * (W3C TextQuoteSelector). `speaker` (and `speakerRole` where the text gives one) is set whenever
 * the claim is attributed speech or sits in an attributed quotation, whatever its kind.
 */
export type ExtractedClaim = {
  text: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  score: number;
  speaker?: string;
  speakerRole?: string;
  /**
   * When the claim should be checked again (yyyy-mm-dd) and why, for claims that go stale: a
   * present-tense figure, "currently", "as of", "this year", a date still ahead (recheck.ts).
   */
  recheckOn?: string;
  recheckReason?: string;
} & KindAndValues;

export interface ExtractOptions {
  /** ISO date (yyyy-mm-dd) the article was published, used to resolve dates without a year. */
  publishedOn?: string;
  /** The published date is only approximately known. */
  approximateDate?: boolean;
  /**
   * ISO date (yyyy-mm-dd) the article was imported: what re-check dates count from when there is
   * no published date. Without either, no re-check date is proposed.
   */
  importedOn?: string;
}

/** How many characters of context the quote selector keeps either side of a claim. */
export const SELECTOR_CONTEXT = 32;
