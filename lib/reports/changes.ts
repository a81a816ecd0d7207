import type { ReportClaim, ReportModel } from "./model";

export interface ReportChange {
  claimId: string;
  description: string;
  before: unknown;
  after: unknown;
}

const quote = (text: string) => (text.length > 80 ? `“${text.slice(0, 77)}…”` : `“${text}”`);

function verdictOf(claim: ReportClaim | undefined) {
  return claim?.verdict
    ? {
        rating: claim.verdict.rating,
        label: claim.verdict.label,
        rationale: claim.verdict.rationale,
      }
    : null;
}

/**
 * What a reader of the earlier publication would see differently now, claim by claim: a verdict
 * that changed, was added, or was withdrawn. Sources and wording alone are not corrections.
 */
export function diffReports(previous: ReportModel, next: ReportModel): ReportChange[] {
  const before = new Map(previous.claims.map((c) => [c.id, c]));
  const after = new Map(next.claims.map((c) => [c.id, c]));
  const changes: ReportChange[] = [];
  for (const claim of next.claims) {
    const was = verdictOf(before.get(claim.id));
    const now = verdictOf(claim);
    if (!now) continue;
    const label = quote(claim.text);
    if (!was) {
      changes.push({
        claimId: claim.id,
        description: `${label}: verdict ${now.label} added.`,
        before: null,
        after: now,
      });
    } else if (was.rating !== now.rating) {
      changes.push({
        claimId: claim.id,
        description: `${label}: verdict changed from ${was.label} to ${now.label}.`,
        before: was,
        after: now,
      });
    } else if (was.rationale !== now.rationale) {
      changes.push({
        claimId: claim.id,
        description: `${label}: verdict ${now.label} kept, rationale revised.`,
        before: was,
        after: now,
      });
    }
  }
  for (const claim of previous.claims) {
    const was = verdictOf(claim);
    const now = verdictOf(after.get(claim.id));
    if (was && !now) {
      changes.push({
        claimId: claim.id,
        description: `${quote(claim.text)}: verdict ${was.label} withdrawn.`,
        before: was,
        after: null,
      });
    }
  }
  return changes;
}
