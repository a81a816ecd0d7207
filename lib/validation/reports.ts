import { z } from "zod";
import { REPORT_FORMATS } from "@/lib/reports/formats";
import { multiLineText } from "./text";

export const articleIdSchema = z.uuid({ message: "Unknown article." });

export const reportFormatSchema = z.enum(REPORT_FORMATS, {
  message: `Format must be one of ${REPORT_FORMATS.join(", ")}.`,
});

export const publishReportSchema = z.object({
  articleId: articleIdSchema,
  /** Why the report changed since it was last published; required only when it did change. */
  reason: multiLineText()
    .max(1000, "Keep the reason under 1,000 characters.")
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const reportArticleSchema = z.object({ articleId: articleIdSchema });

export const revokeReportSchema = reportArticleSchema;

/** 32 random bytes, base64url: 43 characters. */
export const publicTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
