import { z } from "zod";
import { SOURCE_STANCES, SOURCE_TYPES } from "@/db/schema/constants";
import { multiLineText, singleLineText } from "./text";

/**
 * Only web addresses a reader can open safely: javascript:, data: and every other scheme are
 * refused, so a stored source can never run script when someone clicks it.
 */
export const sourceUrlSchema = singleLineText()
  .min(1, "Enter the source's web address.")
  .max(2000, "Use at most 2000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "Enter a web address starting with http:// or https://.");

const optionalText = (max: number, kind: typeof singleLineText = multiLineText) =>
  kind()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .nullable()
    .transform((v) => v || null);

export const sourceFieldsSchema = z.object({
  url: sourceUrlSchema,
  title: singleLineText().min(1, "Enter a title.").max(500, "Use at most 500 characters."),
  publisher: optionalText(300, singleLineText),
  sourceType: z.enum(SOURCE_TYPES, { message: "Choose a source type." }),
  stance: z.enum(SOURCE_STANCES, { message: "Choose a stance." }),
  excerpt: optionalText(5000),
  accessedOn: z
    .union([z.iso.date("Enter a date as YYYY-MM-DD."), z.literal(""), z.null()])
    .optional()
    .transform((v) => v || null),
  note: optionalText(2000),
});

export const addSourceSchema = sourceFieldsSchema.extend({ claimId: z.uuid("Unknown claim.") });

export const editSourceSchema = sourceFieldsSchema.extend({
  sourceId: z.uuid("Unknown source."),
  version: z.coerce.number().int().min(1),
});

export const removeSourceSchema = z.object({
  sourceId: z.uuid("Unknown source."),
  version: z.coerce.number().int().min(1),
});

export const SOURCE_TYPE_LABEL: Record<(typeof SOURCE_TYPES)[number], string> = {
  primary_document: "Primary document",
  official_statement: "Official statement",
  expert: "Expert",
  news_report: "News report",
  dataset: "Dataset",
  other: "Other",
};

export const STANCE_LABEL: Record<(typeof SOURCE_STANCES)[number], string> = {
  supports: "Supports",
  refutes: "Refutes",
  context: "Context",
};
export type SourceFieldsOutput = z.output<typeof sourceFieldsSchema>;
