import type { z } from "zod";
import { RATING_SCALE } from "@/db/schema/constants";
import { requirePermission } from "@/lib/auth/permissions";
import { csvRow } from "@/lib/csv";
import type { Ctx } from "@/lib/services/context";
import { claimListSchema } from "@/lib/validation/dashboard";
import { parseInput } from "@/lib/validation/parse";
import { type ClaimListRow, queryClaimPage } from "./list-claims";

export const EXPORT_HEADER = [
  "claim_id",
  "article_id",
  "article_title",
  "outlet",
  "claim",
  "kind",
  "score",
  "status",
  "rating",
  "assignee",
  "imported_at",
  "approved_at",
  // Appended last, so readers that take columns by position keep working.
  "recheck_on",
] as const;

function toCells(row: ClaimListRow): unknown[] {
  return [
    row.id,
    row.articleId,
    row.articleTitle,
    row.outlet,
    row.text,
    row.kind,
    row.score,
    row.status,
    row.rating ? RATING_SCALE[row.rating].label : "",
    row.assigneeName,
    row.createdAt,
    row.approvedAt,
    row.recheckOn,
  ];
}

const BATCH = 1000;

/**
 * The filtered claim list as CSV (lib/csv.ts: RFC 4180, UTF-8 with BOM, formula cells
 * neutralised), produced page by page through the same keyset query so a large export never
 * holds more than one batch in memory. Checks permission and filters before the first byte.
 */
export function exportClaimsCsv(
  ctx: Ctx,
  input: z.input<typeof claimListSchema>,
  options: { batch?: number } = {},
): ReadableStream<Uint8Array> {
  requirePermission(ctx.actor, "dashboard.view");
  const filters = parseInput(claimListSchema, {
    ...input,
    limit: options.batch ?? BATCH,
    after: "",
  });
  const encoder = new TextEncoder();
  let after: string | null | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRow(EXPORT_HEADER)}`));
        return;
      }
      if (after === null) {
        controller.close();
        return;
      }
      const page = await queryClaimPage(ctx.db, { ...filters, after: after ?? undefined });
      after = page.next;
      controller.enqueue(encoder.encode(page.rows.map((row) => csvRow(toCells(row))).join("")));
    },
  });
}
