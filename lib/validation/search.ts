import { z } from "zod";
import { CLAIM_STATUSES } from "@/db/schema/constants";
import { claimFiltersSchema } from "./dashboard";
import { singleLineText } from "./text";

/** The longest search accepted: longer is a pasted paragraph, not a search. */
export const SEARCH_QUERY_MAX = 200;

/** What the results are narrowed to: everything, or one type. */
export const SEARCH_TYPES = ["all", "claims", "articles", "sources"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** URL search parameters arrive as strings; an empty one means "not set". */
const blank = (value: unknown) =>
  (typeof value === "string" && value.trim() === "") || Array.isArray(value) ? undefined : value;

/**
 * The search page's parameters, as they appear in the URL. Dates are the article's publication
 * date; kind, status, rating and speaker belong to claims (and to the claims that sources back).
 */
export const searchSchema = claimFiltersSchema
  .pick({ from: true, to: true, outlet: true, kind: true, rating: true })
  .extend({
    q: singleLineText()
      .max(SEARCH_QUERY_MAX, {
        message: `Keep the search to ${SEARCH_QUERY_MAX} characters or fewer.`,
      })
      .default(""),
    type: z.preprocess(blank, z.enum(SEARCH_TYPES).default("all").catch("all")),
    status: z.preprocess(blank, z.enum(CLAIM_STATUSES, { message: "Choose a status." }).optional()),
    speaker: z.preprocess(blank, singleLineText().max(200).optional()),
    after: z.preprocess(blank, z.string().max(400, "That page link is damaged.").optional()),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: "The start date is after the end date.",
    path: ["to"],
  });
export type SearchInput = z.infer<typeof searchSchema>;
