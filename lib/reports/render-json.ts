import type { ReportModel } from "./model";

/** Where the JSON Schema of this export is published with the app (lib/reports/report.schema.json). */
export const REPORT_SCHEMA_ID = "https://claimtrack.example/schemas/report-v1.json";

/** The model itself, naming the schema it validates against. */
export function renderJson(model: ReportModel): string {
  return `${JSON.stringify({ $schema: REPORT_SCHEMA_ID, ...model }, null, 2)}\n`;
}
