import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { articles, type Claim, type User, verdicts } from "@/db/schema";
import { CLAIM_STATUSES, type ClaimStatus, type UserRole } from "@/db/schema/constants";
import { AppError } from "@/lib/errors";
import { getArticleView } from "@/lib/services/articles/get-article";
import { EDITOR_CHANGES, type EditorChange } from "@/lib/services/claims/claim-rules";
import { dismissClaim, restoreClaim } from "@/lib/services/claims/dismiss-claim";
import { mergeClaims } from "@/lib/services/claims/merge-claims";
import { splitClaim } from "@/lib/services/claims/split-claim";
import { CLAIM_ACTIONS, type ClaimAction } from "@/lib/services/claims/transitions";
import { updateClaim } from "@/lib/services/claims/update-claim";
import type { Ctx } from "@/lib/services/context";
import { addSource } from "@/lib/services/sources/add-source";
import { approveVerdict } from "@/lib/services/workflow/approve-verdict";
import { assignClaim } from "@/lib/services/workflow/assign-claim";
import { getClaimDetail } from "@/lib/services/workflow/get-claim-detail";
import { proposeVerdict } from "@/lib/services/workflow/propose-verdict";
import { reopenClaim } from "@/lib/services/workflow/reopen-claim";
import { returnVerdict } from "@/lib/services/workflow/return-verdict";
import { reuseVerdict } from "@/lib/services/workflow/reuse-verdict";
import { startReview } from "@/lib/services/workflow/start-review";
import { takeClaim } from "@/lib/services/workflow/take-claim";
import { ctxFor, makeArticle, makeClaim, makeUser } from "../factories";
import { makeApprovedAppearance, makeTrackedClaim } from "../factories/tracking";
import { makeSource, RATIONALE, SOURCE_INPUT } from "../factories/workflow";
import { useTestDatabase } from "./test-db";

/**
 * What the claim page offers is what the services accept: for every status, role and assignee
 * (and, pending approval, whoever proposed), the detail's `allowed` list is compared with the
 * outcome of calling each action's service on a claim in exactly that state. The same for the
 * article page: its claim editor's `allowed` list against the editing services.
 */
const ROLES: UserRole[] = ["reviewer", "editor", "admin"];
const ASSIGNEES = ["nobody", "me", "someone else"] as const;
type Assignee = (typeof ASSIGNEES)[number];

interface People {
  me: Record<UserRole, User>;
  other: User;
  proposer: User;
}

type Ref = { claimId: string; version: number };
const CALLS: Record<ClaimAction, (ctx: Ctx, ref: Ref, people: People) => Promise<unknown>> = {
  take: (ctx, ref) => takeClaim(ctx, ref),
  start_review: (ctx, ref) => startReview(ctx, ref),
  assign: (ctx, ref, people) => assignClaim(ctx, { ...ref, assigneeId: people.proposer.id }),
  propose: (ctx, ref) => proposeVerdict(ctx, { ...ref, rating: "true", rationale: RATIONALE }),
  reuse_verdict: (ctx, ref) => reuseVerdict(ctx, ref),
  approve: (ctx, ref) => approveVerdict(ctx, ref),
  return: (ctx, ref) => returnVerdict(ctx, { ...ref, note: "Check the second figure." }),
  reopen: (ctx, ref) => reopenClaim(ctx, { ...ref, reason: "New figures came in." }),
  dismiss: (ctx, ref) => dismissClaim(ctx, { ...ref, reason: "opinion" }),
  restore: (ctx, ref) => restoreClaim(ctx, ref),
};

/**
 * The claim editor's changes as their services are called. A merge's other claim is an open,
 * unassigned neighbour that allows it, so the claim under test decides; a split cuts after the
 * claim's first word.
 */
const EDITOR_CALLS: Record<EditorChange, (ctx: Ctx, claim: Claim, db: Db) => Promise<unknown>> = {
  edit: (ctx, claim) => updateClaim(ctx, { ...refOf(claim), kind: "quantity" }),
  respan: (ctx, claim) =>
    updateClaim(ctx, { ...refOf(claim), span: { start: 0, end: 7, text: "Article" } }),
  split: (ctx, claim) => splitClaim(ctx, { ...refOf(claim), at: 8 }),
  merge: async (ctx, claim, db) => {
    const [article] = await db.select().from(articles).where(eq(articles.id, claim.articleId));
    if (!article) throw new Error("no article");
    const other = await makeClaim(db, article, { start: claim.end + 1 });
    return mergeClaims(ctx, { ...refOf(claim), otherId: other.id, otherVersion: other.version });
  },
  dismiss: (ctx, claim) => dismissClaim(ctx, { ...refOf(claim), reason: "opinion" }),
  restore: (ctx, claim) => restoreClaim(ctx, refOf(claim)),
};

const refOf = (claim: Claim): Ref => ({ claimId: claim.id, version: claim.version });

interface Case {
  status: ClaimStatus;
  role: UserRole;
  assignee: Assignee;
  proposedByMe: boolean;
}

const cases: Case[] = CLAIM_STATUSES.flatMap((status) =>
  ROLES.flatMap((role) =>
    ASSIGNEES.flatMap((assignee) =>
      (status === "pending_approval" ? [false, true] : [false]).map((proposedByMe) => ({
        status,
        role,
        assignee,
        proposedByMe,
      })),
    ),
  ),
);

/**
 * A claim in the case's state, with a source, and the verdict its status implies; linked to a
 * tracked claim whose other appearance has an approved verdict, so that reusing it is possible
 * wherever the claim's state allows (tracking.test.ts covers a claim with nothing to reuse).
 */
async function claimFor(db: Db, people: People, c: Case) {
  const me = people.me[c.role];
  const assigneeId = { nobody: null, me: me.id, "someone else": people.other.id }[c.assignee];
  const article = await makeArticle(db);
  const claim = await makeClaim(db, article, {
    status: c.status,
    assigneeId,
    dismissReason: c.status === "dismissed" ? "opinion" : null,
    rating: c.status === "approved" ? "true" : null,
    approvedAt: c.status === "approved" ? new Date() : null,
  });
  await makeSource(db, claim, people.proposer.id);
  if (c.status === "pending_approval" || c.status === "approved") {
    await db.insert(verdicts).values({
      claimId: claim.id,
      rating: "true",
      rationale: RATIONALE,
      state: c.status === "approved" ? "approved" : "proposed",
      proposedBy: c.proposedByMe ? me.id : people.proposer.id,
    });
  }
  const earlier = await makeApprovedAppearance(db, {
    proposerId: people.other.id,
    approverId: people.proposer.id,
  });
  await makeTrackedClaim(db, [earlier.claim, claim]);
  return claim;
}

/** Whether the service accepts the call; a refusal must be one of the two refusal kinds. */
async function accepts(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(["forbidden", "precondition_failed"]).toContain((error as AppError).code);
    return false;
  }
}

describe("what the claim page offers is what the services accept", () => {
  const db = useTestDatabase();
  let people: People;
  const everAccepted = new Set<ClaimAction>();
  const everRefused = new Set<ClaimAction>();
  const everEdited = new Set<EditorChange>();
  const neverEdited = new Set<EditorChange>();

  beforeAll(async () => {
    const d = db.current.db;
    people = {
      me: {
        reviewer: await makeUser(d, { role: "reviewer" }),
        editor: await makeUser(d, { role: "editor" }),
        admin: await makeUser(d, { role: "admin" }),
      },
      other: await makeUser(d, { role: "reviewer" }),
      proposer: await makeUser(d, { role: "editor" }),
    };
  });

  for (const c of cases) {
    const name = `${c.status}, ${c.role}, assigned to ${c.assignee}${c.proposedByMe ? ", proposed by me" : ""}`;
    it(name, async () => {
      const d = db.current.db;
      const ctx = ctxFor(d, people.me[c.role]);
      const shown = await claimFor(d, people, c);
      const detail = await getClaimDetail(ctx, { articleId: shown.articleId, claimId: shown.id });

      const accepted: ClaimAction[] = [];
      for (const action of CLAIM_ACTIONS) {
        // Each action on a claim of its own in the same state: one call must not change another's.
        const claim = await claimFor(d, people, c);
        const ref = { claimId: claim.id, version: claim.version };
        if (await accepts(() => CALLS[action](ctx, ref, people))) {
          accepted.push(action);
          everAccepted.add(action);
        } else everRefused.add(action);
      }
      expect(detail.allowed).toEqual(accepted);

      const claim = await claimFor(d, people, c);
      const added = await accepts(() => addSource(ctx, { ...SOURCE_INPUT, claimId: claim.id }));
      expect(detail.me.canEditSources).toBe(added);

      // The article page's claim editor, for the same claim.
      const view = await getArticleView(ctx, shown.articleId);
      const offered = view.claims.find((row) => row.id === shown.id);
      const edited: EditorChange[] = [];
      for (const change of EDITOR_CHANGES) {
        const claim = await claimFor(d, people, c);
        if (await accepts(() => EDITOR_CALLS[change](ctx, claim, d))) {
          edited.push(change);
          everEdited.add(change);
        } else neverEdited.add(change);
      }
      expect(offered?.allowed).toEqual(edited);
      // When it offers nothing, it says why in the rule's words.
      expect(offered?.locked === null).toBe(edited.length > 0);
    });
  }

  // The comparison means something only if every action is both accepted and refused somewhere.
  it("saw every action accepted in some case and refused in another", () => {
    expect([...everAccepted].sort()).toEqual([...CLAIM_ACTIONS].sort());
    expect([...everRefused].sort()).toEqual([...CLAIM_ACTIONS].sort());
    expect([...everEdited].sort()).toEqual([...EDITOR_CHANGES].sort());
    expect([...neverEdited].sort()).toEqual([...EDITOR_CHANGES].sort());
  });
});
