import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Article, claims, sources, type User, verdicts } from "@/db/schema";
import type { Rating } from "@/db/schema/constants";
import { makeArticle, makeClaim, makeUser } from "./index";

/**
 * Report data written straight into the tables (the review workflow is another issue's code):
 * an approved claim has status approved, its rating, and an approved verdict with sources.
 */
export async function makeApprovedClaim(
  db: Db,
  article: Article,
  options: {
    text: string;
    rating?: Rating;
    rationale?: string;
    proposer: User;
    approver: User;
    speaker?: string | null;
    sources?: { title: string; url: string; publisher?: string; excerpt?: string }[];
  },
) {
  const start = article.body.indexOf(options.text);
  if (start < 0) throw new Error(`"${options.text}" is not in the article`);
  const approvedAt = new Date();
  const claim = await makeClaim(db, article, {
    start,
    end: start + options.text.length,
    text: options.text,
    kind: "quantity",
    values: { quantity: 2500 },
    speaker: options.speaker ?? null,
    status: "approved",
    rating: options.rating ?? "mostly_true",
    approvedAt,
  });
  await db.insert(verdicts).values({
    claimId: claim.id,
    rating: options.rating ?? "mostly_true",
    rationale: options.rationale ?? "The official figure is close.",
    state: "approved",
    proposedBy: options.proposer.id,
    approvedBy: options.approver.id,
    approvedAt,
  });
  const list = options.sources ?? [{ title: "Ministry statement", url: "https://gov.example/1" }];
  if (list.length) {
    await db.insert(sources).values(
      list.map((s) => ({
        claimId: claim.id,
        title: s.title,
        url: s.url,
        publisher: s.publisher ?? null,
        excerpt: s.excerpt ?? null,
        stance: "supports" as const,
        accessedOn: "2026-01-02",
        addedBy: options.proposer.id,
      })),
    );
  }
  return claim;
}

/** Reopens a claim and approves a new verdict for it, as the workflow would. */
export async function reapproveClaim(
  db: Db,
  claimId: string,
  options: { rating: Rating; rationale: string; proposer: User; approver: User },
) {
  await db.update(verdicts).set({ state: "superseded" }).where(eq(verdicts.claimId, claimId));
  const approvedAt = new Date(Date.now() + 1000);
  await db.insert(verdicts).values({
    claimId,
    rating: options.rating,
    rationale: options.rationale,
    state: "approved",
    proposedBy: options.proposer.id,
    approvedBy: options.approver.id,
    approvedAt,
  });
  await db
    .update(claims)
    .set({ status: "approved", rating: options.rating, approvedAt })
    .where(eq(claims.id, claimId));
}

export async function setClaimStatus(
  db: Db,
  claimId: string,
  status: "open" | "in_review" | "dismissed",
) {
  await db
    .update(claims)
    .set({ status, dismissReason: status === "dismissed" ? "not_check_worthy" : null })
    .where(eq(claims.id, claimId));
}

export const TROOPS = "Troops numbering around 2,500 personnel arrived on 6 January 2022.";
export const OPINION = "This was surely the best outcome.";

/** An article with one approved troop-number claim and one open opinion claim. */
export async function makeReportArticle(db: Db, overrides: { body?: string; title?: string } = {}) {
  const proposer = await makeUser(db, { role: "reviewer", name: "Rita Reviewer" });
  const approver = await makeUser(db, { role: "editor", name: "Eddie Editor" });
  const body = overrides.body ?? `${TROOPS} ${OPINION} ${crypto.randomUUID()}`;
  const article = await makeArticle(db, { body, title: overrides.title });
  const troops = await makeApprovedClaim(db, article, {
    text: TROOPS,
    proposer,
    approver,
  });
  const opinionStart = body.indexOf(OPINION);
  const opinion =
    opinionStart >= 0
      ? await makeClaim(db, article, {
          start: opinionStart,
          end: opinionStart + OPINION.length,
          text: OPINION,
          kind: "statement",
        })
      : null;
  return { article, troops, opinion, proposer, approver };
}
