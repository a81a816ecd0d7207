import type { Db } from "@/db/client";
import { verdicts } from "@/db/schema";
import { addComment } from "@/lib/services/comments/add-comment";
import type { Ctx } from "@/lib/services/context";
import { getMyQueue } from "@/lib/services/queue/get-queue";
import { addSource } from "@/lib/services/sources/add-source";
import { editSource } from "@/lib/services/sources/edit-source";
import { removeSource } from "@/lib/services/sources/remove-source";
import { approveVerdict } from "@/lib/services/workflow/approve-verdict";
import { assignClaim } from "@/lib/services/workflow/assign-claim";
import { bulkAssignClaims } from "@/lib/services/workflow/bulk-assign";
import { getBulkAssignOptions } from "@/lib/services/workflow/bulk-assign-options";
import { getClaimDetail } from "@/lib/services/workflow/get-claim-detail";
import { proposeVerdict } from "@/lib/services/workflow/propose-verdict";
import { reopenClaim } from "@/lib/services/workflow/reopen-claim";
import { returnVerdict } from "@/lib/services/workflow/return-verdict";
import { startReview } from "@/lib/services/workflow/start-review";
import { takeClaim } from "@/lib/services/workflow/take-claim";
import { makeArticle, makeClaim, makeUser } from "../factories";
import { makeSource, RATIONALE, SOURCE_INPUT } from "../factories/workflow";

type Input = Record<string, unknown>;

/**
 * The matrix calls each service as its public endpoint would be called, with what a client sent:
 * typed as the service's input here, and parsed by the service as always.
 */
export function sent<T>(input: Input): T {
  return input as T;
}
interface Call {
  prepare?: (db: Db) => Promise<Input>;
  invoke: (ctx: Ctx, input: Input) => Promise<unknown>;
}

async function claimIn(db: Db, status: "open" | "in_review" | "pending_approval" | "approved") {
  const article = await makeArticle(db);
  return makeClaim(db, article, { status });
}

/** A claim pending approval, proposed by someone other than whoever calls. */
async function pendingClaim(db: Db, state: "proposed" | "approved" = "proposed") {
  const proposer = await makeUser(db);
  const claim = await claimIn(db, state === "proposed" ? "pending_approval" : "approved");
  await makeSource(db, claim, proposer.id);
  await db.insert(verdicts).values({
    claimId: claim.id,
    rating: "true",
    rationale: RATIONALE,
    state,
    proposedBy: proposer.id,
  });
  return { claimId: claim.id, version: claim.version };
}

/** The workflow's service calls, spread into the permissions matrix test's `calls`. */
export const workflowCalls: Record<string, Call> = {
  "workflow.take": {
    prepare: async (db) => {
      const claim = await claimIn(db, "open");
      return { claimId: claim.id, version: claim.version };
    },
    invoke: (ctx, input) => takeClaim(ctx, sent(input)),
  },
  "workflow.startReview": {
    prepare: async (db) => {
      const claim = await claimIn(db, "open");
      return { claimId: claim.id, version: claim.version };
    },
    invoke: (ctx, input) => startReview(ctx, sent(input)),
  },
  "workflow.assign": {
    prepare: async (db) => {
      const claim = await claimIn(db, "open");
      const target = await makeUser(db);
      return { claimId: claim.id, version: claim.version, assigneeId: target.id };
    },
    invoke: (ctx, input) => assignClaim(ctx, sent(input)),
  },
  "workflow.bulkAssign": {
    prepare: async (db) => {
      const article = await makeArticle(db);
      const a = await makeClaim(db, article);
      const b = await makeClaim(db, article, { start: 4, end: 12 });
      const target = await makeUser(db);
      return {
        articleId: article.id,
        assigneeId: target.id,
        claims: [a, b].map((c) => ({ id: c.id, version: c.version })),
      };
    },
    invoke: (ctx, input) => bulkAssignClaims(ctx, sent(input)),
  },
  "workflow.bulkAssignOptions": {
    prepare: async (db) => ({ articleId: (await claimIn(db, "open")).articleId }),
    invoke: (ctx, input) => getBulkAssignOptions(ctx, input.articleId as string),
  },
  "workflow.propose": {
    prepare: async (db) => {
      const claim = await claimIn(db, "in_review");
      await makeSource(db, claim);
      return { claimId: claim.id, version: claim.version, rating: "false", rationale: RATIONALE };
    },
    invoke: (ctx, input) => proposeVerdict(ctx, sent(input)),
  },
  "workflow.approve": {
    prepare: (db) => pendingClaim(db),
    invoke: (ctx, input) => approveVerdict(ctx, sent(input)),
  },
  "workflow.return": {
    prepare: async (db) => ({ ...(await pendingClaim(db)), note: "Needs a second source." }),
    invoke: (ctx, input) => returnVerdict(ctx, sent(input)),
  },
  "workflow.reopen": {
    prepare: async (db) => ({
      ...(await pendingClaim(db, "approved")),
      reason: "New figures were published.",
    }),
    invoke: (ctx, input) => reopenClaim(ctx, sent(input)),
  },
  "workflow.claimDetail": {
    prepare: async (db) => {
      const claim = await claimIn(db, "open");
      return { claimId: claim.id, articleId: claim.articleId };
    },
    invoke: (ctx, input) => getClaimDetail(ctx, input as { claimId: string; articleId: string }),
  },
  "sources.add": {
    prepare: async (db) => ({ ...SOURCE_INPUT, claimId: (await claimIn(db, "open")).id }),
    invoke: (ctx, input) => addSource(ctx, sent(input)),
  },
  "sources.edit": {
    prepare: async (db) => {
      const source = await makeSource(db, await claimIn(db, "in_review"));
      return { ...SOURCE_INPUT, sourceId: source.id, version: source.version, title: "New" };
    },
    invoke: (ctx, input) => editSource(ctx, sent(input)),
  },
  "sources.remove": {
    prepare: async (db) => {
      const source = await makeSource(db, await claimIn(db, "in_review"));
      return { sourceId: source.id, version: source.version };
    },
    invoke: (ctx, input) => removeSource(ctx, sent(input)),
  },
  "comments.add": {
    prepare: async (db) => ({ claimId: (await claimIn(db, "open")).id, body: "Looks right." }),
    invoke: (ctx, input) => addComment(ctx, sent(input)),
  },
  "queue.get": { invoke: (ctx) => getMyQueue(ctx) },
};
