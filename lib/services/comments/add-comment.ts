import { eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { claims, comments, users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/services/audit";
import { missingClaimError } from "@/lib/services/claims/merge-claims";
import type { Ctx } from "@/lib/services/context";
import { addCommentSchema } from "@/lib/validation/comments";
import { parseInput } from "@/lib/validation/parse";
import { resolveMentions } from "./mentions";

/** A plain-text comment; the users it @mentions are stored so it shows on their queue. */
export async function addComment(ctx: Ctx, input: z.input<typeof addCommentSchema>) {
  requirePermission(ctx.actor, "comments.write");
  const data = parseInput(addCommentSchema, input);
  return ctx.db.transaction(async (tx) => {
    // The key-share lock waits for a merge that is removing this claim (and then finds it gone);
    // a merge that comes later waits for this comment and moves it. Edits of the claim itself
    // take weaker locks and are not held up.
    const [claim] = await tx
      .select({ id: claims.id, articleId: claims.articleId })
      .from(claims)
      .where(eq(claims.id, data.claimId))
      .for("key share");
    if (!claim) throw await missingClaimError(tx, data.claimId, "your comment");
    const candidates = data.body.includes("@")
      ? await tx
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(isNull(users.disabledAt))
      : [];
    const mentions = resolveMentions(data.body, candidates);
    const [comment] = await tx
      .insert(comments)
      .values({ claimId: claim.id, authorId: ctx.actor.id, body: data.body, mentions })
      .returning();
    if (!comment) throw new Error("comment insert returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "comment.add",
      entityType: "comment",
      entityId: comment.id,
      articleId: claim.articleId,
      claimId: claim.id,
      after: { body: comment.body, mentions },
    });
    return comment;
  });
}
