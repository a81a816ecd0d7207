import { eq } from "drizzle-orm";
import type { z } from "zod";
import { articles } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/services/context";
import { addClaimSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import { auditClaimChange, insertClaim } from "./claim-change";
import { claimSnapshot } from "./claim-row";
import { checkedSpan } from "./span";

/** A claim a person picked out of the text: origin manual, open and unassigned. */
export async function addManualClaim(ctx: Ctx, input: z.input<typeof addClaimSchema>) {
  requirePermission(ctx.actor, "claims.edit");
  const data = parseInput(addClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [article] = await tx
      .select({ body: articles.body })
      .from(articles)
      .where(eq(articles.id, data.articleId))
      .for("share");
    if (!article) throw new NotFoundError("article");
    const span = checkedSpan(article.body, data);
    const claim = await insertClaim(tx, {
      articleId: data.articleId,
      ...span,
      kind: data.kind,
      values: data.values,
      speaker: typeof data.values.speaker === "string" ? data.values.speaker : null,
      // A reviewer chose it, which says more about check-worthiness than any model score.
      score: 1,
      origin: "manual",
    });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "claim.create",
      after: claimSnapshot(claim),
    });
    return claim;
  });
}
