import { CHECKWORTHY_THRESHOLD, scoreSentence } from "../score";
import type { Ct24Row } from "./ct24";
import { type BinaryMetrics, metricsAt } from "./metrics";

/**
 * Metrics of the committed model on CT24 rows, every sentence scored with scoreSentence and
 * CHECKWORTHY_THRESHOLD, as the extractor does (what claims:eval prints).
 */
export function evaluateRows(rows: Ct24Row[]): BinaryMetrics {
  return metricsAt(
    rows.map((r) => scoreSentence(r.text)),
    rows.map((r) => r.label),
    CHECKWORTHY_THRESHOLD,
  );
}
