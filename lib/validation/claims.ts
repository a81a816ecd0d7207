import { z } from "zod";
import {
  CLAIM_KINDS,
  CLAIM_PRIORITIES,
  CLAIM_STATUSES,
  DISMISS_REASONS,
} from "@/db/schema/constants";
import { findForbiddenCharacter, forbiddenCharacterMessage } from "./text";

const id = (what: string) => z.uuid({ message: `Unknown ${what}.` });
const version = z.coerce.number().int().min(1);
const offset = z.coerce.number().int().min(0);

/** A claim's values: a flat map of short scalars, edited as key/value rows in the UI. */
export const claimValuesSchema = z
  .record(
    z
      .string()
      .trim()
      .min(1, "A value needs a name.")
      .max(40, "A value name is at most 40 characters.")
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Value names are letters, digits and _."),
    z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]),
  )
  .check((ctx) => {
    // Checked here rather than in the union, whose failure would only say "Invalid input". Not
    // trimmed, and multi-line: extracted values (a quote) are saved back as they came.
    for (const [key, value] of Object.entries(ctx.value)) {
      const found = typeof value === "string" ? findForbiddenCharacter(value, "multi-line") : null;
      if (found) {
        // The values editor shows one message for all its rows, so it names the value.
        const message = forbiddenCharacterMessage(found, `The value ${key}`);
        ctx.issues.push({ code: "custom", message, input: value, path: [key] });
      }
    }
  })
  .refine((values) => Object.keys(values).length <= 20, { message: "At most 20 values." });

/** A span of the article text, with the text the user saw there so the server can check it. */
const span = {
  start: offset,
  end: offset,
  text: z.string().min(1, "Select some text first.").max(20_000, "That selection is too long."),
};

export const addClaimSchema = z
  .object({
    articleId: id("article"),
    ...span,
    kind: z.enum(CLAIM_KINDS, { message: "Choose a kind." }),
    values: claimValuesSchema.default({}),
  })
  .refine((v) => v.end > v.start, { message: "Select some text first.", path: ["text"] });

export const updateClaimSchema = z
  .object({
    claimId: id("claim"),
    version,
    span: z
      .object(span)
      .refine((v) => v.end > v.start, { message: "Select some text first.", path: ["text"] })
      .optional(),
    kind: z.enum(CLAIM_KINDS, { message: "Choose a kind." }).optional(),
    values: claimValuesSchema.optional(),
  })
  .refine((v) => v.span || v.kind || v.values, { message: "Nothing to change." });

export const splitClaimSchema = z.object({
  claimId: id("claim"),
  version,
  /** Offset in the article text where the second claim begins. */
  at: offset,
});

export const mergeClaimsSchema = z
  .object({
    claimId: id("claim"),
    version,
    otherId: id("claim"),
    otherVersion: version,
  })
  .refine((v) => v.claimId !== v.otherId, { message: "Choose two different claims." });

export const dismissClaimSchema = z.object({
  claimId: id("claim"),
  version,
  reason: z.enum(DISMISS_REASONS, { message: "Choose a reason." }),
});

export const restoreClaimSchema = z.object({ claimId: id("claim"), version });

export const DISMISS_REASON_LABELS: Record<(typeof DISMISS_REASONS)[number], string> = {
  not_check_worthy: "Not check-worthy",
  duplicate: "Duplicate",
  opinion: "Opinion",
  out_of_scope: "Out of scope",
};

/** Filters on the article page, read from the URL. */
export const claimFilterSchema = z.object({
  kind: z.enum(CLAIM_KINDS).optional().catch(undefined),
  status: z.enum(CLAIM_STATUSES).optional().catch(undefined),
  priority: z.enum(CLAIM_PRIORITIES).optional().catch(undefined),
});
