import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { sources } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import { auditClaimChange, loadForChange } from "@/lib/services/claims/claim-change";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { proposeVerdictSchema } from "@/lib/validation/verdicts";
import { submitProposal } from "./current-proposal";

/** Proposes a rating with its rationale; needs a source, and hands the claim to an editor. */
export async function proposeVerdict(ctx: Ctx, input: z.input<typeof proposeVerdictSchema>) {
  requirePermission(ctx.actor, "verdicts.propose");
  const data = parseInput(proposeVerdictSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await loadForChange(tx, ctx.actor, data, "propose");
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(sources)
      .where(eq(sources.claimId, claim.id));
    if (!count || count.n < 1) {
      throw new ValidationError("Add at least one source before proposing a verdict.", {
        form: ["Add at least one source before proposing a verdict."],
      });
    }
    const { verdict, after } = await submitProposal(tx, ctx.actor, claim, status, {
      rating: data.rating,
      rationale: data.rationale,
    });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "verdict.propose",
      before: { status: claim.status },
      after: {
        status: after.status,
        verdictId: verdict.id,
        rating: verdict.rating,
        rationale: verdict.rationale,
      },
    });
    return { claim: after, verdict };
  });
}
