import { z } from "zod";
import { multiLineText } from "./text";

const version = z.coerce.number().int().min(1, "Reload the page and try again.");

/** The claim page an action was called from, whose views it refreshes afterwards. */
export const claimPageSchema = z.object({
  articleId: z.uuid("Unknown article."),
  claimId: z.uuid("Unknown claim."),
});
export type ClaimPage = z.infer<typeof claimPageSchema>;

/** A claim as the user last saw it: the version makes a stale page a conflict, not an overwrite. */
export const claimRefSchema = z.object({
  claimId: z.uuid("Unknown claim."),
  version,
});

export const assignClaimSchema = claimRefSchema.extend({
  /** null or "" unassigns. */
  assigneeId: z
    .union([z.uuid("Choose a person."), z.literal(""), z.null()])
    .transform((v) => v || null),
});

export const bulkAssignSchema = z.object({
  articleId: z.uuid("Unknown article."),
  assigneeId: z.uuid("Choose a person."),
  claims: z
    .array(z.object({ id: z.uuid("Unknown claim."), version }))
    .min(1, "Select at least one claim.")
    .max(500, "Assign at most 500 claims at once."),
});

export const returnVerdictSchema = claimRefSchema.extend({
  note: multiLineText()
    .min(5, "Tell the reviewer what to change (at least 5 characters).")
    .max(4000, "Use at most 4000 characters."),
});

export const reopenClaimSchema = claimRefSchema.extend({
  reason: multiLineText()
    .min(5, "Give the reason for reopening (at least 5 characters).")
    .max(4000, "Use at most 4000 characters."),
  /** Reopened because its re-check date came: the date is cleared, the new check sets the next. */
  forRecheck: z.boolean().optional(),
});
