import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { articles, corrections, reportPublications } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { diffReports } from "@/lib/reports/changes";
import { buildReportModel, type ReportModel } from "@/lib/reports/model";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { publishReportSchema } from "@/lib/validation/reports";
import { findActivePublication, findLatestPublication, loadReportInput } from "./load-report";
import { publicReportUrl } from "./urls";

export interface PublishedReport {
  publicationId: string;
  token: string;
  url: string;
  publishedAt: Date;
  corrections: number;
}

/** 32 random bytes as base64url: unguessable, and safe in a URL path as it is. */
export function newPublicToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Publishes an article's report once every claim is approved or dismissed. A live link keeps its
 * token and gets a new snapshot; verdicts that changed since the last publication go into the
 * corrections log with the editor's reason, which is then required.
 */
export async function publishReport(
  ctx: Ctx,
  input: z.input<typeof publishReportSchema>,
  options: { baseUrl: string },
): Promise<PublishedReport> {
  requirePermission(ctx.actor, "reports.publish");
  const data = parseInput(publishReportSchema, input);
  return ctx.db.transaction(async (tx: Tx) => {
    // One publisher at a time per article: the second waits and sees the first one's result.
    const [article] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.id, data.articleId))
      .for("update");
    if (!article) throw new NotFoundError("article");
    const content = await loadReportInput(tx, article.id);
    if (!content) throw new NotFoundError("article");
    const open = content.claims.filter((c) => c.status !== "approved" && c.status !== "dismissed");
    if (open.length > 0) {
      throw new ValidationError(
        `${open.length} claim${open.length === 1 ? " is" : "s are"} still open: every claim must be approved or dismissed before the report is published.`,
      );
    }
    if (!content.claims.some((c) => c.status === "approved" && c.verdict)) {
      throw new ValidationError("Nothing to publish yet: no claim has an approved verdict.");
    }

    const live = await findActivePublication(tx, article.id);
    const previous = live ?? (await findLatestPublication(tx, article.id));
    const token = live?.token ?? newPublicToken();
    const url = publicReportUrl(options.baseUrl, token);
    const organization = getEnv().ORGANIZATION_NAME;
    const now = new Date();
    const draftModel = buildReportModel(content, {
      organization,
      generatedAt: now,
      reportUrl: url,
      publication: { url, publishedAt: now },
    });
    const changes = previous?.snapshot
      ? diffReports(previous.snapshot as ReportModel, draftModel)
      : [];
    if (live && changes.length === 0) {
      throw new ValidationError("Nothing changed since this report was published.");
    }
    if (changes.length > 0 && !data.reason) {
      throw new ValidationError(
        "Say why the report changed: readers see it in the corrections log.",
        {
          reason: ["Say why the report changed: readers see it in the corrections log."],
        },
      );
    }

    let publicationId: string;
    if (live) {
      publicationId = live.id;
      await tx
        .update(reportPublications)
        .set({ publishedAt: now, publishedBy: ctx.actor.id })
        .where(and(eq(reportPublications.id, live.id), isNull(reportPublications.revokedAt)));
    } else {
      const [row] = await tx
        .insert(reportPublications)
        .values({ articleId: article.id, token, publishedBy: ctx.actor.id, publishedAt: now })
        .returning({ id: reportPublications.id });
      if (!row) throw new Error("publication insert returned no row");
      publicationId = row.id;
    }
    if (changes.length > 0) {
      await tx.insert(corrections).values(
        changes.map((change) => ({
          articleId: article.id,
          claimId: change.claimId,
          publicationId,
          description: change.description,
          reason: data.reason ?? "",
          before: change.before,
          after: change.after,
          createdBy: ctx.actor.id,
          createdAt: now,
        })),
      );
    }
    // The snapshot includes the corrections just written, so the public page shows them.
    const model = buildReportModel((await loadReportInput(tx, article.id)) ?? content, {
      organization,
      generatedAt: now,
      reportUrl: url,
      publication: { url, publishedAt: now },
    });
    await tx
      .update(reportPublications)
      .set({ snapshot: sql`${JSON.stringify(model)}::jsonb` })
      .where(eq(reportPublications.id, publicationId));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: live ? "report.republish" : "report.publish",
      entityType: "report_publication",
      entityId: publicationId,
      articleId: article.id,
      after: { corrections: changes.map((c) => c.description), reason: data.reason ?? null },
    });
    return { publicationId, token, url, publishedAt: now, corrections: changes.length };
  });
}
