import type { ReportClaim, ReportModel } from "./model";
import { safeHttpUrl, withoutBidiControls } from "./model";

type JsonLd = Record<string, unknown>;

// A speaker named like a body ("Interior Ministry", "State Department") is an Organization.
const BODY =
  /\b(?:Ministry|Department|Office|Council|Committee|Commission|Agency|Authority|Party|Government|Administration|Parliament|Senate|Congress|Court|Police|Army|Bank|Trust|Board|Institute|University|Association|Foundation|Union|Organi[sz]ation|Corporation|Company|Group|Campaign|Service|Post|Times|News|Poll|Survey)\b/u;

function claimAuthor(model: ReportModel, claim: ReportClaim): JsonLd | undefined {
  // The claim is the speaker's where the article quotes one, else the outlet's (or its author's).
  if (claim.speaker) {
    if (BODY.test(claim.speaker)) return { "@type": "Organization", name: claim.speaker };
    return {
      "@type": "Person",
      name: claim.speaker,
      ...(claim.speakerRole ? { jobTitle: claim.speakerRole } : {}),
    };
  }
  if (model.article.outlet) return { "@type": "Organization", name: model.article.outlet };
  if (model.article.author) return { "@type": "Person", name: model.article.author };
  return undefined;
}

function appearance(model: ReportModel): JsonLd {
  const url = safeHttpUrl(model.article.url);
  return {
    "@type": "CreativeWork",
    ...(url ? { url } : {}),
    headline: model.article.title,
    ...(model.article.publishedOn ? { datePublished: model.article.publishedOn } : {}),
  };
}

/**
 * schema.org ClaimReview, one per approved claim (claims without an approved verdict are not
 * reviews yet, so a draft report yields only its finished ones). Uses only properties that
 * schema.org defines for ClaimReview, Claim, Rating, Organization, Person and CreativeWork.
 */
export function buildClaimReviews(model: ReportModel): JsonLd[] {
  const reviews: JsonLd[] = [];
  for (const claim of model.claims) {
    const v = claim.verdict;
    if (!v) continue;
    const author = claimAuthor(model, claim);
    reviews.push({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `${model.reportUrl}#${claim.anchor}`,
      claimReviewed: claim.text,
      datePublished: (v.approvedAt ?? model.generatedAt).slice(0, 10),
      // CreativeWork's `expires`: the day the review may no longer hold (its re-check date).
      ...(claim.recheckOn ? { expires: claim.recheckOn } : {}),
      author: { "@type": "Organization", name: model.organization },
      reviewRating: {
        "@type": "Rating",
        alternateName: v.label,
        ...(v.ratingValue !== null
          ? { ratingValue: v.ratingValue, bestRating: 5, worstRating: 1 }
          : {}),
      },
      itemReviewed: {
        "@type": "Claim",
        ...(author ? { author } : {}),
        ...(model.article.publishedOn ? { datePublished: model.article.publishedOn } : {}),
        appearance: appearance(model),
      },
    });
  }
  return reviews;
}

/**
 * JSON that is safe inside <script type="application/ld+json">, where ClaimReview is meant to be
 * pasted: `<`, `>` and `&` become \u escapes, so no text can close the element or open a comment,
 * and so do U+2028/U+2029 (line ends to older JavaScript parsers). JSON.parse reads the same value.
 */
export function jsonForScript(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The JSON-LD download: an array of ClaimReview objects, escaped for embedding like the page's. */
export function renderClaimReview(model: ReportModel): string {
  return `${jsonForScript(buildClaimReviews(model), 2)}\n`;
}

/**
 * The public page's JSON-LD (/r/[token]): the same escaping, without the indentation, and like
 * the download without bidirectional controls (lib/bidi.ts).
 */
export function claimReviewForScript(model: ReportModel): string {
  return jsonForScript(buildClaimReviews(withoutBidiControls(model)));
}
