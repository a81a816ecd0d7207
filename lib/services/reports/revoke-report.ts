import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { reportPublications } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { revokeReportSchema } from "@/lib/validation/reports";

/** Takes an article's public link down; the link then answers not found. */
export async function revokeReport(ctx: Ctx, input: z.input<typeof revokeReportSchema>) {
  requirePermission(ctx.actor, "reports.publish");
  const data = parseInput(revokeReportSchema, input);
  return ctx.db.transaction(async (tx: Tx) => {
    const revokedAt = new Date();
    const rows = await tx
      .update(reportPublications)
      .set({ revokedAt, revokedBy: ctx.actor.id })
      .where(
        and(eq(reportPublications.articleId, data.articleId), isNull(reportPublications.revokedAt)),
      )
      .returning({ id: reportPublications.id, token: reportPublications.token });
    if (rows.length === 0) throw new NotFoundError("published report");
    await recordAudit(
      tx,
      rows.map((row) => ({
        actorId: ctx.actor.id,
        action: "report.revoke",
        entityType: "report_publication",
        entityId: row.id,
        articleId: data.articleId,
        after: { revokedAt: revokedAt.toISOString() },
      })),
    );
    return { revokedAt };
  });
}
