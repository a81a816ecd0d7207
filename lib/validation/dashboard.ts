import { z } from "zod";
import { CLAIM_KINDS, CLAIM_STATUSES, RATINGS } from "@/db/schema/constants";
import { singleLineText } from "./text";

/** URL search parameters arrive as strings; an empty one means "not set". */
const blank = (value: unknown) =>
  (typeof value === "string" && value.trim() === "") || Array.isArray(value) ? undefined : value;
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  // Date.parse rolls 2026-02-30 over to 2 March, so the day must survive the round trip.
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, "That date does not exist.");

/** The filters the dashboard and the claim list share, as they appear in the URL. */
export const claimFiltersSchema = z.object({
  from: opt(isoDate),
  to: opt(isoDate),
  outlet: opt(singleLineText().max(200)),
  reviewer: opt(z.uuid("Unknown reviewer.")),
  kind: opt(z.enum(CLAIM_KINDS, { message: "Choose a claim kind." })),
  rating: opt(z.enum(RATINGS, { message: "Choose a rating." })),
});

export const ARTICLE_SORTS = ["open", "pending", "approved", "claims", "title"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export const dashboardSchema = claimFiltersSchema.extend({
  articleSort: z.preprocess(blank, z.enum(ARTICLE_SORTS).default("open")),
});

/**
 * Which date the claim list's period applies to: the claim's import, its approval, or a verdict
 * event of its (proposed, approved or returned; narrowed to one proposer with `proposer`).
 */
export const PERIOD_BASES = [
  "imported",
  "approved",
  "proposed",
  "verdict_approved",
  "returned",
] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

export const CLAIM_SORTS = ["oldest", "newest", "score", "article"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

const statusList = z.preprocess(
  (value) =>
    typeof value === "string" && value.trim() !== ""
      ? value.split(",").map((s) => s.trim())
      : undefined,
  z
    .array(z.enum(CLAIM_STATUSES, { message: "Choose a status." }))
    .max(5)
    .optional(),
);

export const claimListSchema = claimFiltersSchema.extend({
  basis: z.preprocess(blank, z.enum(PERIOD_BASES).default("imported")),
  status: statusList,
  article: opt(z.uuid("Unknown article.")),
  proposer: opt(z.uuid("Unknown reviewer.")),
  sort: z.preprocess(blank, z.enum(CLAIM_SORTS).default("oldest")),
  after: opt(z.string().max(400)),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type ClaimListInput = z.infer<typeof claimListSchema>;
