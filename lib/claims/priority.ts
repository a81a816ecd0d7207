import type { ClaimPriority } from "@/db/schema/constants";
// The decision threshold alone, written by `claims:train` beside the model: a page that shows
// priorities must not load the 3.8 MB model (lib/claims/score) just to read one number.
import committed from "./model/threshold.json";

/**
 * Claims scoring below this are "low priority": kept, since they state a checkable fact, but
 * below the model's decision threshold (CHECKWORTHY_THRESHOLD), so a list may filter or collapse
 * them.
 */
export const LOW_PRIORITY_BELOW: number = committed.threshold;

/** True when a claim's check-worthiness score puts it in the low-priority band. */
export function isLowPriority(score: number): boolean {
  return score < LOW_PRIORITY_BELOW;
}

/**
 * Extraction keeps every sentence that states a checkable fact (recall first); the scorer only
 * ranks them. A claim the extractor found and the scorer puts below its decision threshold is
 * low priority: filterable, and collapsed in the article's claim list. A claim added by hand is
 * never low priority: somebody chose it.
 */
export function claimPriority(claim: { score: number; origin: string }): ClaimPriority {
  return claim.origin === "extracted" && isLowPriority(claim.score) ? "low" : "normal";
}
