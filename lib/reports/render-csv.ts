import { CLAIM_STATUS_LABEL } from "@/db/schema/constants";
import { toCsv } from "@/lib/csv";
import { formatValues, type ReportModel } from "./model";

export const CSV_HEADER = [
  "report_status",
  "claim_number",
  "claim_id",
  "claim",
  "kind",
  "speaker",
  "speaker_role",
  "values",
  "status",
  "rating",
  "rating_label",
  "rating_value",
  "rationale",
  "reviewer",
  "reviewed_on",
  "approver",
  "approved_on",
  "source_count",
  "sources",
  "report_url",
  // Appended last, so readers that take columns by position keep working.
  "recheck_on",
] as const;

/** One row per claim (RFC 4180, formula cells neutralised by lib/csv); DRAFT on every row. */
export function renderCsv(model: ReportModel): string {
  const rows = model.claims.map((claim) => {
    const v = claim.verdict;
    return [
      model.draft ? "DRAFT" : "FINAL",
      claim.number,
      claim.id,
      claim.text,
      claim.kind,
      claim.speaker ?? "",
      claim.speakerRole ?? "",
      formatValues(claim.values),
      CLAIM_STATUS_LABEL[claim.status],
      v?.rating ?? "",
      v?.label ?? "",
      v?.ratingValue ?? "",
      v?.rationale ?? "",
      v?.reviewer ?? "",
      v?.proposedAt.slice(0, 10) ?? "",
      v?.approver ?? "",
      v?.approvedAt?.slice(0, 10) ?? "",
      claim.sources.length,
      claim.sources.map((s) => `[${s.number}] ${s.title} <${s.url}>`).join(" | "),
      `${model.reportUrl}#${claim.anchor}`,
      claim.recheckOn ?? "",
    ];
  });
  return toCsv(CSV_HEADER, rows);
}
