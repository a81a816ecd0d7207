import { z } from "zod";
import { RATINGS } from "@/db/schema/constants";
import { multiLineText } from "./text";
import { claimRefSchema } from "./workflow";

export const RATIONALE_MIN_LENGTH = 50;

export const proposeVerdictSchema = claimRefSchema.extend({
  rating: z.enum(RATINGS, { message: "Choose a rating." }),
  rationale: multiLineText()
    .min(RATIONALE_MIN_LENGTH, `Explain the rating in at least ${RATIONALE_MIN_LENGTH} characters.`)
    .max(10_000, "Use at most 10,000 characters."),
});
