import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { type ClaimMatch, claimMatches, claims, users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError, PreconditionFailedError } from "@/lib/errors";
import { formatTime } from "@/lib/format-time";
import { recordAudit } from "@/lib/services/audit";
import { staleWriteError } from "@/lib/services/conflict";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { decideMatchSchema } from "@/lib/validation/tracking";
import { linkAppearances } from "./link-appearances";

const DECISION_WORDS = { same: "the same claim", not_same: "not the same claim" } as const;

/** The refusal for a pair someone already decided: who, what and when, in one sentence. */
async function alreadyDecided(tx: Tx, row: ClaimMatch, actorId: string) {
  const [who] = row.decidedBy
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, row.decidedBy))
    : [];
  const name = row.decidedBy === actorId ? "You" : (who?.name ?? "Someone else");
  const what = row.state === "same" ? DECISION_WORDS.same : DECISION_WORDS.not_same;
  const when = row.decidedAt ? ` on ${formatTime(row.decidedAt)}` : "";
  return new PreconditionFailedError(
    "already_decided",
    `${name} already marked this earlier claim as ${what}${when}. Reload the page to see it.`,
  );
}

/**
 * A reviewer's decision on a suggested earlier appearance: "same" links both claims into one
 * tracked claim (link-appearances.ts), "not_same" is kept so the pair is never suggested again
 * (the matching service skips decided pairs). A pair is decided once: a second decision, by
 * anyone, is refused with who decided it first.
 */
export async function decideMatch(ctx: Ctx, input: z.input<typeof decideMatchSchema>) {
  requirePermission(ctx.actor, "matches.decide");
  const data = parseInput(decideMatchSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(claimMatches)
      .where(and(eq(claimMatches.claimId, data.claimId), eq(claimMatches.matchId, data.matchId)))
      .for("update");
    if (!row) throw new NotFoundError("suggestion");
    if (row.state !== "suggested") throw await alreadyDecided(tx, row, ctx.actor.id);
    if (row.version !== data.version) {
      throw await staleWriteError(
        tx,
        { type: "claim_match", id: row.id, label: "suggestion", fallbackAt: row.updatedAt },
        row,
      );
    }
    const [later] = await tx
      .select({ articleId: claims.articleId, trackedClaimId: claims.trackedClaimId })
      .from(claims)
      .where(eq(claims.id, row.claimId));
    if (!later) throw new NotFoundError("claim");

    let trackedClaimId: string | null = null;
    if (data.decision === "same") {
      trackedClaimId = await linkAppearances(tx, ctx.actor, {
        laterId: row.claimId,
        earlierId: row.matchId,
      });
    } else if (later.trackedClaimId) {
      const [earlier] = await tx
        .select({ trackedClaimId: claims.trackedClaimId })
        .from(claims)
        .where(eq(claims.id, row.matchId));
      if (earlier?.trackedClaimId === later.trackedClaimId) {
        throw new PreconditionFailedError(
          "already_linked",
          "These claims are already linked as one tracked claim. An editor can take one out of it on the tracked claim's page.",
        );
      }
    }
    const [decided] = await tx
      .update(claimMatches)
      .set({
        state: data.decision,
        decidedBy: ctx.actor.id,
        decidedAt: sql`now()`,
        version: sql`${claimMatches.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(claimMatches.id, row.id))
      .returning();
    if (!decided) throw new Error("claim match update returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: data.decision === "same" ? "match.same" : "match.not_same",
      entityType: "claim_match",
      entityId: row.id,
      articleId: later.articleId,
      claimId: row.claimId,
      before: { state: row.state, score: row.score },
      after: { state: decided.state, matchId: row.matchId, trackedClaimId },
    });
    return { match: decided, trackedClaimId };
  });
}
