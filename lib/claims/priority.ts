import type { ClaimPriority } from "@/db/schema/constants";
import { isLowPriority } from "./score";

/**
 * Extraction keeps every sentence that states a checkable fact (recall first); the scorer only
 * ranks them. A claim the extractor found and the scorer puts below its decision threshold is
 * low priority: filterable, and collapsed in the article's claim list. A claim added by hand is
 * never low priority: somebody chose it.
 */
export function claimPriority(claim: { score: number; origin: string }): ClaimPriority {
  return claim.origin === "extracted" && isLowPriority(claim.score) ? "low" : "normal";
}
