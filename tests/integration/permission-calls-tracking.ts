import type { Db } from "@/db/client";
import type { Ctx } from "@/lib/services/context";
import { listInconsistentRatings } from "@/lib/services/dashboard/inconsistent-ratings";
import { decideMatch } from "@/lib/services/tracking/decide-match";
import { editCanonicalText } from "@/lib/services/tracking/edit-canonical-text";
import { getClaimTracking } from "@/lib/services/tracking/get-claim-tracking";
import { getTrackedClaim } from "@/lib/services/tracking/get-tracked-claim";
import { unlinkAppearance } from "@/lib/services/tracking/unlink-appearance";
import { reuseVerdict } from "@/lib/services/workflow/reuse-verdict";
import { makeUser } from "../factories";
import {
  makeAppearance,
  makeApprovedAppearance,
  makeMatch,
  makeTrackedClaim,
} from "../factories/tracking";
import { sent } from "./permission-calls-workflow";

type Input = Record<string, unknown>;
interface Call {
  prepare?: (db: Db) => Promise<Input>;
  invoke: (ctx: Ctx, input: Input) => Promise<unknown>;
}

/** An approved claim and a later one suggested as repeating it. */
async function pair(db: Db) {
  const proposer = await makeUser(db, { role: "reviewer" });
  const approver = await makeUser(db, { role: "editor" });
  const earlier = await makeApprovedAppearance(db, {
    proposerId: proposer.id,
    approverId: approver.id,
  });
  const later = await makeAppearance(db);
  const match = await makeMatch(db, later.claim, earlier.claim);
  return { earlier, later, match };
}

/** The claim-tracking calls of the permissions matrix, each on fresh data. */
export const trackingCalls: Record<string, Call> = {
  "tracking.claimTracking": {
    prepare: async (db) => ({ claimId: (await pair(db)).later.claim.id }),
    invoke: (ctx, input) => getClaimTracking(ctx, sent(input)),
  },
  "tracking.decide": {
    prepare: async (db) => {
      const { earlier, later, match } = await pair(db);
      return {
        claimId: later.claim.id,
        matchId: earlier.claim.id,
        version: match.version,
        decision: "same",
      };
    },
    invoke: (ctx, input) => decideMatch(ctx, sent(input)),
  },
  "tracking.trackedClaim": {
    prepare: async (db) => {
      const { claim } = await makeAppearance(db);
      return { trackedClaimId: (await makeTrackedClaim(db, [claim])).id };
    },
    invoke: (ctx, input) => getTrackedClaim(ctx, input.trackedClaimId as string),
  },
  "tracking.editCanonical": {
    prepare: async (db) => {
      const { claim } = await makeAppearance(db);
      const tracked = await makeTrackedClaim(db, [claim]);
      return {
        trackedClaimId: tracked.id,
        version: tracked.version,
        canonicalText: "The reworded claim, as the desk states it.",
      };
    },
    invoke: (ctx, input) => editCanonicalText(ctx, sent(input)),
  },
  "tracking.unlink": {
    prepare: async (db) => {
      const { claim } = await makeAppearance(db);
      const tracked = await makeTrackedClaim(db, [claim]);
      return { trackedClaimId: tracked.id, claimId: claim.id, version: claim.version };
    },
    invoke: (ctx, input) => unlinkAppearance(ctx, sent(input)),
  },
  "tracking.inconsistentRatings": { invoke: (ctx) => listInconsistentRatings(ctx) },
  "workflow.reuseVerdict": {
    prepare: async (db) => {
      const { earlier, later } = await pair(db);
      await makeTrackedClaim(db, [earlier.claim, later.claim]);
      return { claimId: later.claim.id, version: later.claim.version };
    },
    invoke: (ctx, input) => reuseVerdict(ctx, sent(input)),
  },
};
