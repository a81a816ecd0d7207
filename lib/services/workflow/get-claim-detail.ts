import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { articles, claims, comments, sources, users, verdicts } from "@/db/schema";
import { can, canActOnClaim, requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { claimColumns } from "@/lib/services/claims/claim-row";
import {
  allowedActions,
  canEditSources,
  canSetRecheck,
  claimRefusal,
} from "@/lib/services/claims/claim-rules";
import type { Ctx } from "@/lib/services/context";
import { sourceColumns } from "@/lib/services/sources/source-columns";
import { getClaimTimeline } from "@/lib/services/timeline/get-timeline";
import { findReusableVerdict } from "@/lib/services/tracking/reusable-verdict";
import { isUuid } from "@/lib/validation/ids";
import { listAssignees } from "./assignees";

const proposer = alias(users, "proposer");
const approver = alias(users, "approver");
const returner = alias(users, "returner");

/** The paragraph around the claim, split so the page can mark the claim inside it. */
export function claimContext(body: string, start: number, end: number) {
  const paraStart = body.lastIndexOf("\n\n", start);
  const from = paraStart === -1 ? 0 : paraStart + 2;
  const paraEnd = body.indexOf("\n\n", end);
  const to = paraEnd === -1 ? body.length : paraEnd;
  return {
    before: body.slice(from, start),
    quote: body.slice(start, end),
    after: body.slice(end, to),
  };
}

/** Everything the claim page shows, for any signed-in user; a claim of another article is not found. */
export async function getClaimDetail(ctx: Ctx, input: { articleId: string; claimId: string }) {
  requirePermission(ctx.actor, "articles.read");
  if (!isUuid(input.articleId) || !isUuid(input.claimId)) throw new NotFoundError("claim");
  const db = ctx.db;
  const [row] = await db
    .select({
      ...claimColumns,
      assigneeName: users.name,
      articleTitle: articles.title,
      body: articles.body,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(users, eq(users.id, claims.assigneeId))
    .where(and(eq(claims.id, input.claimId), eq(claims.articleId, input.articleId)));
  if (!row) throw new NotFoundError("claim");
  const { body, ...claim } = row;

  const [sourceRows, verdictRows, commentRows, timeline, assignees, reusable] = await Promise.all([
    db
      .select({ ...sourceColumns, addedByName: users.name })
      .from(sources)
      .leftJoin(users, eq(users.id, sources.addedBy))
      .where(eq(sources.claimId, claim.id))
      .orderBy(asc(sources.createdAt), asc(sources.id)),
    db
      .select({
        id: verdicts.id,
        rating: verdicts.rating,
        rationale: verdicts.rationale,
        state: verdicts.state,
        proposedBy: verdicts.proposedBy,
        proposedByName: proposer.name,
        createdAt: verdicts.createdAt,
        approvedByName: approver.name,
        approvedAt: verdicts.approvedAt,
        returnedByName: returner.name,
        returnedAt: verdicts.returnedAt,
        returnNote: verdicts.returnNote,
        reused: sql<boolean>`${verdicts.reusedFromId} is not null`,
      })
      .from(verdicts)
      .leftJoin(proposer, eq(proposer.id, verdicts.proposedBy))
      .leftJoin(approver, eq(approver.id, verdicts.approvedBy))
      .leftJoin(returner, eq(returner.id, verdicts.returnedBy))
      .where(eq(verdicts.claimId, claim.id))
      .orderBy(desc(verdicts.createdAt)),
    db
      .select({
        id: comments.id,
        body: comments.body,
        mentions: comments.mentions,
        createdAt: comments.createdAt,
        authorName: users.name,
      })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.claimId, claim.id))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
    getClaimTimeline(db, claim.id),
    can(ctx.actor.role, "claims.assign") ? listAssignees(db) : Promise.resolve([]),
    findReusableVerdict(db, claim),
  ]);

  const mentioned = [...new Set(commentRows.flatMap((c) => c.mentions))];
  const mentionNames = new Map<string, string>();
  if (mentioned.length > 0) {
    const rows = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, mentioned));
    for (const r of rows) mentionNames.set(r.id, r.name);
  }

  const pending = verdictRows.find((v) => v.state === "proposed") ?? null;
  const proposal = { proposedBy: pending?.proposedBy ?? null, reusableVerdict: reusable !== null };
  const approval = can(ctx.actor.role, "verdicts.approve")
    ? claimRefusal(ctx.actor, claim, "approve", proposal)
    : null;
  return {
    claim,
    context: claimContext(body, claim.start, claim.end),
    sources: sourceRows,
    verdicts: verdictRows.map(({ proposedBy, ...v }) => ({
      ...v,
      proposedByMe: proposedBy === ctx.actor.id,
    })),
    comments: commentRows.map(({ mentions, ...c }) => ({
      ...c,
      mentionNames: mentions.map((id) => mentionNames.get(id) ?? "a former user"),
    })),
    timeline,
    assignees,
    /** The approved verdict of another appearance of the claim's tracked claim, if any. */
    reusableVerdict: reusable,
    /**
     * What this user may do to the claim now, from the rules the services enforce
     * (claims/claim-rules.ts): the page offers exactly these and derives none of them.
     */
    allowed: allowedActions(ctx.actor, claim, proposal),
    me: {
      id: ctx.actor.id,
      canAct: canActOnClaim(ctx.actor, claim),
      canEditSources: canEditSources(ctx.actor, claim),
      canSetRecheck: canSetRecheck(ctx.actor, claim),
      // The two-person rule, told to the page so it can explain rather than offer a dead button.
      approvalRefused: approval?.rule === "two_person" ? approval.message : null,
    },
  };
}

export type ClaimDetail = Awaited<ReturnType<typeof getClaimDetail>>;
