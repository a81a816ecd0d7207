import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { verdicts } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { auditClaimChange, writeClaim } from "@/lib/services/claims/claim-change";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { returnVerdictSchema } from "@/lib/validation/workflow";
import { loadDecision, setVerdictState } from "./current-proposal";

/** An editor sends the proposal back to review with a note the assignee sees on their queue. */
export async function returnVerdict(ctx: Ctx, input: z.input<typeof returnVerdictSchema>) {
  requirePermission(ctx.actor, "verdicts.approve");
  const data = parseInput(returnVerdictSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status, proposal } = await loadDecision(tx, ctx.actor, data, "return");
    const [verdict] = await setVerdictState(tx, eq(verdicts.id, proposal.id), {
      state: "returned",
      returnedBy: ctx.actor.id,
      returnedAt: sql`now()`,
      returnNote: data.note,
    });
    const after = await writeClaim(tx, claim, { status });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "verdict.return",
      before: { status: claim.status },
      after: { status: after.status, verdictId: proposal.id, note: data.note },
    });
    return { claim: after, verdict };
  });
}
