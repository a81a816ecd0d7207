import { z } from "zod";
import { multiLineText } from "./text";

export const addCommentSchema = z.object({
  claimId: z.uuid("Unknown claim."),
  body: multiLineText().min(1, "Write a comment first.").max(5000, "Use at most 5000 characters."),
});
