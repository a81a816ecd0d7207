import { eq } from "drizzle-orm";
import { articles, claims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { addClaimSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import { type ClaimRow, checkedSpan, claimColumns, claimSnapshot } from "./claim-row";

/** A claim a person picked out of the text: origin manual, open and unassigned. */
export async function addManualClaim(ctx: Ctx, input: unknown): Promise<ClaimRow> {
  requirePermission(ctx.user, "claims.edit");
  const data = parseInput(addClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [article] = await tx
      .select({ body: articles.body })
      .from(articles)
      .where(eq(articles.id, data.articleId))
      .for("share");
    if (!article) throw new NotFoundError("article");
    const span = checkedSpan(article.body, data);
    const [claim] = await tx
      .insert(claims)
      .values({
        articleId: data.articleId,
        ...span,
        kind: data.kind,
        values: data.values,
        speaker: typeof data.values.speaker === "string" ? data.values.speaker : null,
        // A reviewer chose it, which says more about check-worthiness than any model score.
        score: 1,
        origin: "manual",
      })
      .returning(claimColumns);
    if (!claim) throw new Error("claim insert returned no row");
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.create",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      after: claimSnapshot(claim),
    });
    return claim;
  });
}
