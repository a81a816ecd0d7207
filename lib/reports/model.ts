import {
  type ClaimKindName,
  type ClaimStatus,
  RATING_SCALE,
  RATINGS,
  type Rating,
  type SourceStance,
} from "@/db/schema/constants";
import { hasBidiControls, stripBidiDeep, strippedOffsets } from "@/lib/bidi";
import { valueWords } from "@/lib/claims/value-words";

/**
 * The one report model every format renders. It is plain JSON (dates as ISO strings) so that a
 * publication can keep it as its snapshot and the JSON export is the model itself.
 */
export const REPORT_SCHEMA_VERSION = 1;

export interface ReportSource {
  /** Numbered through the whole report, so a footnote number names one source. */
  number: number;
  title: string;
  publisher: string | null;
  url: string;
  stance: SourceStance;
  excerpt: string | null;
  accessedOn: string | null;
}

export interface ReportVerdict {
  rating: Rating;
  label: string;
  /** 1–5 where the rating is on the scale, else null. */
  ratingValue: number | null;
  rationale: string;
  reviewer: string | null;
  proposedAt: string;
  approver: string | null;
  approvedAt: string | null;
}

export interface ReportClaim {
  number: number;
  id: string;
  anchor: string;
  text: string;
  start: number;
  end: number;
  kind: ClaimKindName;
  values: Record<string, unknown>;
  speaker: string | null;
  speakerRole: string | null;
  status: ClaimStatus;
  verdict: ReportVerdict | null;
  sources: ReportSource[];
  /**
   * When the verdict is due to be checked again (yyyy-mm-dd): set only beside an approved
   * verdict, since an open claim's date is the desk's business. Absent from snapshots published
   * before re-check dates existed, so readers take a missing one as null.
   */
  recheckOn?: string | null;
}

export interface ReportCorrection {
  date: string;
  claimNumber: number | null;
  description: string;
  reason: string;
}

export interface ReportModel {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generatedAt: string;
  organization: string;
  /** Where the report lives: the public link once published, else the signed-in report page. */
  reportUrl: string;
  publication: { url: string; publishedAt: string } | null;
  draft: boolean;
  /** Claims still in the workflow; listed so a DRAFT says what is missing. */
  open: { number: number; text: string; status: ClaimStatus }[];
  article: {
    id: string;
    title: string;
    outlet: string | null;
    author: string | null;
    url: string | null;
    publishedOn: string | null;
    publishedApproximate: boolean;
    body: string;
  };
  summary: {
    claimsTotal: number;
    claimsChecked: number;
    claimsDismissed: number;
    claimsOpen: number;
    verdictCounts: Record<Rating, number>;
  };
  claims: ReportClaim[];
  methodology: string;
  ratingScale: { rating: Rating; label: string; value: number | null }[];
  corrections: ReportCorrection[];
}

type DateLike = Date | string;

/** The plain data a loader hands over; names of people only, nothing else about them. */
export interface ReportInput {
  article: Omit<ReportModel["article"], "publishedOn"> & { publishedOn: string | null };
  claims: (Pick<
    ReportClaim,
    "id" | "text" | "start" | "end" | "kind" | "values" | "speaker" | "status"
  > & {
    speakerRole?: string | null;
    recheckOn?: string | null;
    verdict: {
      rating: Rating;
      rationale: string;
      proposedBy: string | null;
      proposedAt: DateLike;
      approvedBy: string | null;
      approvedAt: DateLike | null;
    } | null;
    sources: Omit<ReportSource, "number">[];
  })[];
  corrections: {
    createdAt: DateLike;
    claimId: string | null;
    description: string;
    reason: string;
  }[];
}

export interface ReportOptions {
  organization: string;
  generatedAt: DateLike;
  /** Base of the report's own URL (public link or signed-in page), without a fragment. */
  reportUrl: string;
  publication?: { url: string; publishedAt: DateLike } | null;
}

const iso = (value: DateLike) => (value instanceof Date ? value : new Date(value)).toISOString();

export function methodologyText(organization: string): string {
  return (
    `${organization} checks the factual claims an article makes. Each claim is anchored to its ` +
    "exact words in the article. A reviewer gathers sources (primary documents and official " +
    "statements first), then proposes a rating with a rationale; a second person, an editor, " +
    "approves it (no one approves their own verdict). Claims that are opinion, predictions or " +
    "duplicates are dismissed and not rated. When a published verdict changes, the change is " +
    "listed in the corrections log with its date and reason."
  );
}

export function buildReportModel(input: ReportInput, options: ReportOptions): ReportModel {
  const ordered = [...input.claims].sort((a, b) => a.start - b.start || a.end - b.end);
  const shown = ordered.filter((c) => c.status !== "dismissed");
  let sourceNumber = 0;
  const numberOf = new Map<string, number>();
  const claims: ReportClaim[] = shown.map((claim, index) => {
    const number = index + 1;
    numberOf.set(claim.id, number);
    const approved = claim.status === "approved" && claim.verdict !== null;
    const verdict = approved && claim.verdict ? claim.verdict : null;
    return {
      number,
      id: claim.id,
      anchor: `claim-${number}`,
      text: claim.text,
      start: claim.start,
      end: claim.end,
      kind: claim.kind,
      values: claim.values,
      speaker: claim.speaker,
      speakerRole: claim.speakerRole ?? null,
      status: claim.status,
      verdict: verdict
        ? {
            rating: verdict.rating,
            label: RATING_SCALE[verdict.rating].label,
            ratingValue: RATING_SCALE[verdict.rating].value,
            rationale: verdict.rationale,
            reviewer: verdict.proposedBy,
            proposedAt: iso(verdict.proposedAt),
            approver: verdict.approvedBy,
            approvedAt: verdict.approvedAt ? iso(verdict.approvedAt) : null,
          }
        : null,
      recheckOn: verdict ? (claim.recheckOn ?? null) : null,
      sources: claim.sources.map((source) => ({
        number: ++sourceNumber,
        title: source.title,
        publisher: source.publisher,
        url: source.url,
        stance: source.stance,
        excerpt: source.excerpt,
        accessedOn: source.accessedOn,
      })),
    };
  });
  const verdictCounts = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  for (const claim of claims) if (claim.verdict) verdictCounts[claim.verdict.rating] += 1;
  const open = claims
    .filter((c) => c.verdict === null)
    .map((c) => ({ number: c.number, text: c.text, status: c.status }));
  const checked = claims.length - open.length;
  const corrections = [...input.corrections]
    .sort((a, b) => iso(a.createdAt).localeCompare(iso(b.createdAt)))
    .map((c) => ({
      date: iso(c.createdAt),
      claimNumber: c.claimId ? (numberOf.get(c.claimId) ?? null) : null,
      description: c.description,
      reason: c.reason,
    }));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: iso(options.generatedAt),
    organization: options.organization,
    reportUrl: options.reportUrl,
    publication: options.publication
      ? { url: options.publication.url, publishedAt: iso(options.publication.publishedAt) }
      : null,
    draft: open.length > 0,
    open,
    article: { ...input.article },
    summary: {
      claimsTotal: ordered.length,
      claimsChecked: checked,
      claimsDismissed: ordered.length - shown.length,
      claimsOpen: open.length,
      verdictCounts,
    },
    claims,
    methodology: methodologyText(options.organization),
    ratingScale: RATINGS.map((rating) => ({ rating, ...RATING_SCALE[rating] })),
    corrections,
  };
}

/** The article text cut at claim boundaries; overlapping claims keep the earlier one's span. */
export function segmentBody(
  body: string,
  claims: readonly Pick<ReportClaim, "number" | "start" | "end">[],
): { text: string; claim: number | null }[] {
  const segments: { text: string; claim: number | null }[] = [];
  let at = 0;
  for (const claim of [...claims].sort((a, b) => a.start - b.start)) {
    if (claim.start < at || claim.end <= claim.start || claim.end > body.length) continue;
    if (claim.start > at) segments.push({ text: body.slice(at, claim.start), claim: null });
    segments.push({ text: body.slice(claim.start, claim.end), claim: claim.number });
    at = claim.end;
  }
  if (at < body.length) segments.push({ text: body.slice(at), claim: null });
  return segments;
}

/** Only http(s) URLs become links in any format; anything else is shown as text. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export const STANCE_LABEL: Record<SourceStance, string> = {
  supports: "Supports",
  refutes: "Refutes",
  context: "Context",
};

/** YYYY-MM-DD of an ISO timestamp (UTC), or the date string as it is. */
export function day(value: string | null): string {
  return value ? value.slice(0, 10) : "";
}

/** A file name with ASCII letters, digits and dashes only: safe in any Content-Disposition. */
export function reportFileName(model: ReportModel, extension: string): string {
  const slug =
    model.article.title
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "article";
  const draft = model.draft ? "-draft" : "";
  return `fact-check-${slug}-${day(model.generatedAt)}${draft}.${extension}`;
}

/** The speaker with the role the article gives them: "Alison Rowe (Shadow health secretary)". */
export function formatSpeaker(claim: {
  speaker: string | null;
  speakerRole?: string | null;
}): string {
  if (!claim.speaker) return "";
  return claim.speakerRole ? `${claim.speaker} (${claim.speakerRole})` : claim.speaker;
}

/** Claim values in words ("about 2,500 personnel"), for formats that show them as text. */
export function formatValues(values: Record<string, unknown>): string {
  return valueWords(values);
}

/**
 * The model for a plain-text format (Markdown, CSV, PDF, JSON, ClaimReview): bidirectional
 * controls stripped from every string, the claims' offsets moved to the stripped article text
 * (policy in lib/bidi.ts).
 */
export function withoutBidiControls(model: ReportModel): ReportModel {
  const stripped = stripBidiDeep(model);
  // Almost every article has none: then no offset moves (the map of a 2 MB text takes 100 ms).
  if (!hasBidiControls(model.article.body)) return stripped;
  const at = strippedOffsets(model.article.body);
  const claims = stripped.claims.map((claim) => ({
    ...claim,
    start: at[claim.start] ?? claim.start,
    end: at[claim.end] ?? claim.end,
  }));
  return { ...stripped, claims };
}
