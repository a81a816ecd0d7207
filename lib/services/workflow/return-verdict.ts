import { eq, sql } from "drizzle-orm";
import { verdicts } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { returnVerdictSchema } from "@/lib/validation/workflow";
import { lockForAction, updateClaim } from "./claim-lock";
import { lockCurrentProposal } from "./current-proposal";

/** An editor sends the proposal back to review with a note the assignee sees on their queue. */
export async function returnVerdict(ctx: Ctx, input: unknown) {
  requirePermission(ctx.user, "verdicts.approve");
  const data = parseInput(returnVerdictSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { claim, status } = await lockForAction(tx, ctx.user, data, "return");
    const proposal = await lockCurrentProposal(tx, claim.id);
    const [verdict] = await tx
      .update(verdicts)
      .set({
        state: "returned",
        returnedBy: ctx.user.id,
        returnedAt: new Date(),
        returnNote: data.note,
        version: sql`${verdicts.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(verdicts.id, proposal.id))
      .returning();
    const after = await updateClaim(tx, claim, { status });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "verdict.return",
      entityType: "claim",
      entityId: claim.id,
      articleId: claim.articleId,
      claimId: claim.id,
      before: { status: claim.status },
      after: { status: after.status, verdictId: proposal.id, note: data.note },
    });
    return { claim: after, verdict };
  });
}
