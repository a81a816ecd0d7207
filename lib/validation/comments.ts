import { z } from "zod";

export const addCommentSchema = z.object({
  claimId: z.uuid("Unknown claim."),
  body: z
    .string()
    .trim()
    .min(1, "Write a comment first.")
    .max(5000, "Use at most 5000 characters."),
});
export type AddCommentInput = z.input<typeof addCommentSchema>;
