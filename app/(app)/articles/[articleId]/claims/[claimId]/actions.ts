"use server";

import { makeClaimAction } from "@/lib/server/action";
import { setRecheck } from "@/lib/services/claims/set-recheck";
import { addComment } from "@/lib/services/comments/add-comment";
import { rematchClaim } from "@/lib/services/matching/rematch-claim";
import { addSource } from "@/lib/services/sources/add-source";
import { editSource } from "@/lib/services/sources/edit-source";
import { removeSource } from "@/lib/services/sources/remove-source";
import { decideMatch } from "@/lib/services/tracking/decide-match";
import { approveVerdict } from "@/lib/services/workflow/approve-verdict";
import { assignClaim } from "@/lib/services/workflow/assign-claim";
import { proposeVerdict } from "@/lib/services/workflow/propose-verdict";
import { reopenClaim } from "@/lib/services/workflow/reopen-claim";
import { returnVerdict } from "@/lib/services/workflow/return-verdict";
import { reuseVerdict } from "@/lib/services/workflow/reuse-verdict";
import { startReview } from "@/lib/services/workflow/start-review";
import { takeClaim } from "@/lib/services/workflow/take-claim";

// Each is called with the claim page it was used on and the verb's input without the claim id.
export const takeClaimAction = makeClaimAction(takeClaim);
export const startReviewAction = makeClaimAction(startReview);
export const assignClaimAction = makeClaimAction(assignClaim);
export const addSourceAction = makeClaimAction(addSource, (source) => ({ id: source.id }));
export const editSourceAction = makeClaimAction(editSource);
export const removeSourceAction = makeClaimAction(removeSource);
export const proposeVerdictAction = makeClaimAction(proposeVerdict);
export const approveVerdictAction = makeClaimAction(approveVerdict);
export const returnVerdictAction = makeClaimAction(returnVerdict);
export const reopenClaimAction = makeClaimAction(reopenClaim);
export const addCommentAction = makeClaimAction(addComment);
export const reuseVerdictAction = makeClaimAction(reuseVerdict);
export const rematchClaimAction = makeClaimAction(rematchClaim, (result) => result);
export const decideMatchAction = makeClaimAction(decideMatch, (result) => ({
  trackedClaimId: result.trackedClaimId,
}));
export const setRecheckAction = makeClaimAction(setRecheck);
