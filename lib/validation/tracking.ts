import { z } from "zod";
import { multiLineText } from "./text";

const version = z.coerce.number().int().min(1, "Reload the page and try again.");

/** A reviewer's decision on a suggested earlier appearance (a claim_matches row, as last seen). */
export const decideMatchSchema = z.object({
  /** The later appearance: the claim whose page the suggestion is on. */
  claimId: z.uuid("Unknown claim."),
  /** The earlier claim it may repeat. */
  matchId: z.uuid("Unknown earlier claim."),
  version,
  decision: z.enum(["same", "not_same"], { message: "Choose “Same claim” or “Not the same”." }),
});

export const trackedClaimIdSchema = z.uuid("Unknown tracked claim.");

export const CANONICAL_MAX_LENGTH = 2000;

export const editCanonicalTextSchema = z.object({
  trackedClaimId: trackedClaimIdSchema,
  version,
  canonicalText: multiLineText()
    .min(10, "Write the claim in at least 10 characters.")
    .max(CANONICAL_MAX_LENGTH, `Use at most ${CANONICAL_MAX_LENGTH} characters.`),
});

/** An appearance taken out of its tracked claim, at the claim version the editor saw. */
export const unlinkAppearanceSchema = z.object({
  trackedClaimId: trackedClaimIdSchema,
  claimId: z.uuid("Unknown claim."),
  version,
});
