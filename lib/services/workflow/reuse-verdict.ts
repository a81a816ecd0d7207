import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { z } from "zod";
import { sources } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import { auditClaimChange, loadForChange } from "@/lib/services/claims/claim-change";
import type { Ctx } from "@/lib/services/context";
import {
  findReusableVerdict,
  type ReusableVerdict,
} from "@/lib/services/tracking/reusable-verdict";
import { parseInput } from "@/lib/validation/parse";
import { claimRefSchema } from "@/lib/validation/workflow";
import { submitProposal } from "./current-proposal";

const NO_SOURCES = "The approved verdict has no sources to reuse: propose a verdict of your own.";

/**
 * Reuses the approved verdict of the claim's tracked claim (another appearance) as a proposal on
 * this claim: its rating and rationale, and that appearance's sources copied here and marked as
 * reused. It is a proposal like any other, proposed by the current user: the claim waits for an
 * editor, and the two-person rule keeps the proposer from approving it.
 */
export async function reuseVerdict(ctx: Ctx, input: z.input<typeof claimRefSchema>) {
  requirePermission(ctx.actor, "verdicts.propose");
  const data = parseInput(claimRefSchema, input);
  return ctx.db.transaction(async (tx) => {
    const found: { verdict: ReusableVerdict | null } = { verdict: null };
    const { claim, status } = await loadForChange(
      tx,
      ctx.actor,
      data,
      "reuse_verdict",
      async (locked) => {
        found.verdict = await findReusableVerdict(tx, locked);
        return { reusableVerdict: found.verdict !== null };
      },
    );
    const reused = found.verdict;
    if (!reused) throw new Error("reuse allowed without a verdict to reuse");

    const [original, already] = await Promise.all([
      tx
        .select()
        .from(sources)
        .where(eq(sources.claimId, reused.claimId))
        .orderBy(asc(sources.createdAt), asc(sources.id)),
      tx
        .select({ from: sources.reusedFromId })
        .from(sources)
        .where(and(eq(sources.claimId, claim.id), isNotNull(sources.reusedFromId))),
    ]);
    if (original.length === 0) throw new ValidationError(NO_SOURCES, { form: [NO_SOURCES] });
    // A proposal reused before and returned left its copies here: they are not copied twice.
    const copiedBefore = new Set(already.map((s) => s.from));
    const toCopy = original.filter((s) => !copiedBefore.has(s.id));
    const copies =
      toCopy.length === 0
        ? []
        : await tx
            .insert(sources)
            .values(
              toCopy.map((s) => ({
                claimId: claim.id,
                url: s.url,
                title: s.title,
                publisher: s.publisher,
                sourceType: s.sourceType,
                stance: s.stance,
                excerpt: s.excerpt,
                accessedOn: s.accessedOn,
                note: s.note,
                addedBy: ctx.actor.id,
                reusedFromId: s.id,
              })),
            )
            .returning({ id: sources.id });

    const { verdict, after } = await submitProposal(tx, ctx.actor, claim, status, {
      rating: reused.rating,
      rationale: reused.rationale,
      reusedFromId: reused.id,
    });
    await auditClaimChange(tx, ctx.actor.id, {
      claim,
      action: "verdict.reuse",
      before: { status: claim.status },
      after: {
        status: after.status,
        verdictId: verdict.id,
        rating: verdict.rating,
        rationale: verdict.rationale,
        reusedFromId: reused.id,
        reusedFromClaimId: reused.claimId,
        sourcesCopied: copies.map((c) => c.id),
      },
    });
    return { claim: after, verdict };
  });
}
