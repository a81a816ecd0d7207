export { reanchor } from "./anchor";
export { extractClaims } from "./extract";
export type {
  ClaimKind,
  ClaimValues,
  DateValues,
  ExtractedClaim,
  ExtractOptions,
  LegalValues,
  QuantityValues,
  QuoteValues,
} from "./kinds";
export { CLAIM_KINDS } from "./kinds";
export { isLowPriority, LOW_PRIORITY_BELOW } from "./priority";
