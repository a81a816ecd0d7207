import type { z } from "zod";
import { requirePermission } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import type { Ctx } from "@/lib/services/context";
import { splitClaimSchema } from "@/lib/validation/claims";
import { parseInput } from "@/lib/validation/parse";
import { auditClaimChange, insertClaim, loadForChange, writeClaim } from "./claim-change";
import { claimSnapshot } from "./claim-row";
import { claimBody, spanAt, splitsCharacter } from "./span";

function refuse(message: string): never {
  throw new ValidationError(message, { at: [message] });
}

/**
 * Splits one claim into two at an offset of the article text: the claim keeps the first part
 * (with its sources and history), a new open claim of the same kind takes the second. White space
 * at the cut stays outside both spans.
 */
export async function splitClaim(ctx: Ctx, input: z.input<typeof splitClaimSchema>) {
  requirePermission(ctx.actor, "claims.edit");
  const data = parseInput(splitClaimSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim } = await loadForChange(tx, ctx.actor, data, "split");
    const body = await claimBody(tx, claim);
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
    const first = await writeClaim(tx, claim, firstSpan);
    const second = await insertClaim(tx, {
      articleId: claim.articleId,
      ...secondSpan,
      kind: claim.kind,
      score: claim.score,
      values: {},
      speaker: claim.speaker,
      assigneeId: claim.assigneeId,
      origin: "manual",
    });
    await auditClaimChange(tx, ctx.actor.id, [
      {
        claim,
        action: "claim.split",
        before: claimSnapshot(claim),
        after: { ...claimSnapshot(first), splitInto: second.id },
      },
      {
        claim: second,
        action: "claim.create",
        after: { ...claimSnapshot(second), splitFrom: claim.id },
      },
    ]);
    return { first, second };
  });
}
