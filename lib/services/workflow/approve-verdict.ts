import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { verdicts } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { auditClaimChange, writeClaim } from "@/lib/services/claims/claim-change";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { claimRefSchema } from "@/lib/validation/workflow";
import { loadDecision, setVerdictState } from "./current-proposal";

/**
 * An editor approves the pending proposal. The proposer never approves their own verdict (the
 * two-person rule), and the claim row lock with its version check lets exactly one of many
 * simultaneous approvals through.
 */
export async function approveVerdict(ctx: Ctx, input: z.input<typeof claimRefSchema>) {
  requirePermission(ctx.actor, "verdicts.approve");
  const data = parseInput(claimRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status, proposal } = await loadDecision(tx, ctx.actor, data, "approve");
    const [verdict] = await setVerdictState(tx, eq(verdicts.id, proposal.id), {
      state: "approved",
      approvedBy: ctx.actor.id,
      approvedAt: sql`now()`,
    });
    const after = await writeClaim(tx, claim, {
      status,
      rating: proposal.rating,
      approvedAt: sql`now()`,
    });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "verdict.approve",
      before: { status: claim.status, rating: claim.rating },
      after: {
        status: after.status,
        rating: after.rating,
        verdictId: proposal.id,
        proposedBy: proposal.proposedBy,
      },
    });
    return { claim: after, verdict };
  });
}
