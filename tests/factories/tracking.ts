import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  articles,
  type Claim,
  claimMatches,
  claims,
  type MatchReasons,
  trackedClaims,
  verdicts,
} from "@/db/schema";
import type { MatchState, Rating } from "@/db/schema/constants";
import { hashBody } from "@/lib/services/articles/body";
import { insertOne, makeClaim } from "./index";
import { makeSource, RATIONALE } from "./workflow";

/**
 * Claim tracking's test data: suggestions written straight into claim_matches (the matching
 * service's output, whatever ranked it), tracked claims, and approved appearances to find.
 */

export const SAMPLE_REASONS: MatchReasons = {
  sharedTerms: ["troops", "arrived"],
  agreeingValues: ["2,500 personnel"],
  sameSpeaker: null,
};

/** A suggestion on `later` (claim_id) of the earlier claim `earlier` (match_id). */
export function makeMatch(
  db: Db,
  later: Pick<Claim, "id">,
  earlier: Pick<Claim, "id">,
  values: Partial<{ score: number; reasons: MatchReasons; state: MatchState }> = {},
) {
  return insertOne(db, claimMatches, {
    claimId: later.id,
    matchId: earlier.id,
    score: values.score ?? 0.8,
    reasons: values.reasons ?? SAMPLE_REASONS,
    state: values.state ?? "suggested",
  });
}

/** An article with an outlet and a publication date, and one claim on its first words. */
export async function makeAppearance(
  db: Db,
  values: Partial<{
    text: string;
    outlet: string;
    publishedOn: string;
    speaker: string;
    claim: Partial<typeof claims.$inferInsert>;
  }> = {},
) {
  const text = values.text ?? "The ministry said 2,500 troops arrived on 6 January 2022.";
  const body = `${text} Ref ${crypto.randomUUID()}.`;
  const article = await insertOne(db, articles, {
    title: `${values.outlet ?? "Daily"} report ${crypto.randomUUID().slice(0, 8)}`,
    outlet: values.outlet ?? "The Daily",
    publishedOn: values.publishedOn ?? "2022-01-10",
    body,
    bodyHash: hashBody(body),
  });
  const claim = await makeClaim(db, article, {
    start: 0,
    end: text.length,
    speaker: values.speaker ?? null,
    ...values.claim,
  });
  return { article, claim };
}

/**
 * An approved appearance: an approved claim with a source and its approved verdict, proposed by
 * `proposerId` and approved by `approverId`.
 */
export async function makeApprovedAppearance(
  db: Db,
  people: { proposerId: string; approverId: string },
  values: Parameters<typeof makeAppearance>[1] & { rating?: Rating; approvedAt?: Date } = {},
) {
  const rating = values.rating ?? "false";
  const approvedAt = values.approvedAt ?? new Date("2022-01-12T10:00:00Z");
  const made = await makeAppearance(db, {
    ...values,
    claim: { status: "approved", rating, approvedAt, ...values.claim },
  });
  const source = await makeSource(db, made.claim, people.proposerId);
  const verdict = await insertOne(db, verdicts, {
    claimId: made.claim.id,
    rating,
    rationale: RATIONALE,
    state: "approved",
    proposedBy: people.proposerId,
    approvedBy: people.approverId,
    approvedAt,
  });
  return { ...made, source, verdict };
}

/** A tracked claim with these appearances, written straight (the subject is elsewhere). */
export async function makeTrackedClaim(
  db: Db,
  appearances: Pick<Claim, "id" | "text">[],
  values: Partial<{ canonicalText: string; createdAt: Date }> = {},
) {
  const tracked = await insertOne(db, trackedClaims, {
    canonicalText: values.canonicalText ?? appearances[0]?.text ?? "A tracked claim",
    ...(values.createdAt ? { createdAt: values.createdAt } : {}),
  });
  for (const claim of appearances) {
    await db.update(claims).set({ trackedClaimId: tracked.id }).where(eq(claims.id, claim.id));
  }
  return tracked;
}
