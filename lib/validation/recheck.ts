import { z } from "zod";
import { singleLineText } from "./text";

/**
 * A re-check date as the date input sends it (yyyy-mm-dd), or empty to clear it. A date in the
 * past is accepted: the desk may know a figure is stale already (revised statistics, an old
 * article's present-tense figure), and an approved claim with a past date is simply due now. A
 * day that does not exist or a year outside 2000–2199 (a typo, not a plan) is refused.
 */
export const recheckDateSchema = z
  .union([z.literal(""), z.null(), z.string()])
  .transform((value) => (value ? value.trim() : null))
  .check((ctx) => {
    const value = ctx.value;
    if (value === null) return;
    const problem = !/^\d{4}-\d{2}-\d{2}$/.test(value)
      ? "Enter a date as YYYY-MM-DD."
      : !existingDay(value)
        ? "That date does not exist."
        : value < "2000-01-01" || value > "2199-12-31"
          ? "Use a year between 2000 and 2199."
          : null;
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: value });
  });

function existingDay(value: string): boolean {
  // Date.parse rolls 2026-02-30 over to 2 March, so the day must survive the round trip.
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** What the re-check form sends: the date (empty clears it) and why. */
export const recheckFieldsSchema = z.object({
  recheckOn: recheckDateSchema,
  reason: singleLineText()
    .max(300, "Use at most 300 characters.")
    .nullish()
    .transform((value) => value || null),
});

export const setRecheckSchema = recheckFieldsSchema.extend({
  claimId: z.uuid("Unknown claim."),
  version: z.coerce.number().int().min(1, "Reload the page and try again."),
});
