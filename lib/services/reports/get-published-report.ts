import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { reportPublications } from "@/db/schema";
import type { ReportModel } from "@/lib/reports/model";
import { publicTokenSchema } from "@/lib/validation/reports";

/**
 * The report behind a public link, for anyone (no sign-in): the snapshot taken when it was
 * published. A revoked or unknown token answers null, which the page shows as not found.
 */
export async function getPublishedReport(
  db: Executor,
  token: z.input<typeof publicTokenSchema>,
): Promise<ReportModel | null> {
  const parsed = publicTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const [row] = await db
    .select({ snapshot: reportPublications.snapshot })
    .from(reportPublications)
    .where(and(eq(reportPublications.token, parsed.data), isNull(reportPublications.revokedAt)));
  return (row?.snapshot as ReportModel | undefined) ?? null;
}
