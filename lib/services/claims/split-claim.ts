import { claims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { splitClaimSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import {
  type ClaimRow,
  claimColumns,
  claimForEdit,
  claimSnapshot,
  spanAt,
  splitsCharacter,
  updateClaimRow,
} from "./claim-row";

const SPLITTABLE = ["open", "in_review"] as const;

function refuse(message: string): never {
  throw new ValidationError(message, { at: [message] });
}

/**
 * Splits one claim into two at an offset of the article text: the claim keeps the first part
 * (with its sources and history), a new open claim of the same kind takes the second. White space
 * at the cut stays outside both spans.
 */
export async function splitClaim(
  ctx: Ctx,
  input: unknown,
): Promise<{ first: ClaimRow; second: ClaimRow }> {
  requirePermission(ctx.user, "claims.edit");
  const data = parseInput(splitClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, body } = await claimForEdit(tx, ctx, data.claimId, data.version);
    if (!(SPLITTABLE as readonly string[]).includes(claim.status)) {
      throw new ForbiddenError("Only an open claim or one under review can be split.");
    }
    if (data.at <= claim.start || data.at >= claim.end) {
      refuse("Choose a position inside the claim's text.");
    }
    if (splitsCharacter(body, data.at)) {
      refuse("Choose a position between characters, not inside one (an emoji, say).");
    }
    let firstEnd = data.at;
    while (firstEnd > claim.start && /\s/.test(body[firstEnd - 1] ?? "")) firstEnd--;
    let secondStart = data.at;
    while (secondStart < claim.end && /\s/.test(body[secondStart] ?? "")) secondStart++;
    if (firstEnd <= claim.start || secondStart >= claim.end) {
      refuse("Both parts need some words: choose a position between words of the claim.");
    }
    const firstSpan = spanAt(body, claim.start, firstEnd);
    const secondSpan = spanAt(body, secondStart, claim.end);
    const first = await updateClaimRow(tx, claim, firstSpan);
    const [second] = await tx
      .insert(claims)
      .values({
        articleId: claim.articleId,
        ...secondSpan,
        kind: claim.kind,
        score: claim.score,
        values: {},
        speaker: claim.speaker,
        assigneeId: claim.assigneeId,
        origin: "manual",
      })
      .returning(claimColumns);
    if (!second) throw new Error("claim insert returned no row");
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.split",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      before: claimSnapshot(claim),
      after: { ...claimSnapshot(first), splitInto: second.id },
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "claim.create",
      entityType: "claim",
      entityId: second.id,
      articleId: claim.articleId,
      claimId: second.id,
      after: { ...claimSnapshot(second), splitFrom: claim.id },
    });
    return { first, second };
  });
}
