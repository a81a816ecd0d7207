"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { addComment } from "@/lib/services/comments/add-comment";
import { addSource } from "@/lib/services/sources/add-source";
import { editSource } from "@/lib/services/sources/edit-source";
import { removeSource } from "@/lib/services/sources/remove-source";
import { approveVerdict } from "@/lib/services/workflow/approve-verdict";
import { assignClaim } from "@/lib/services/workflow/assign-claim";
import { proposeVerdict } from "@/lib/services/workflow/propose-verdict";
import { reopenClaim } from "@/lib/services/workflow/reopen-claim";
import { returnVerdict } from "@/lib/services/workflow/return-verdict";
import { startReview } from "@/lib/services/workflow/start-review";
import { takeClaim } from "@/lib/services/workflow/take-claim";
import { parseInput } from "@/lib/validation/parse";
import { type ClaimPage, claimPageSchema } from "@/lib/validation/workflow";

/**
 * Every change here shows on the claim page, the article page and someone's queue. The page the
 * caller names is checked before the service runs: a malformed one is refused and nothing written.
 */
function onClaimPage<T>(where: unknown, work: () => Promise<T>) {
  return runAction(async () => {
    const page = parseInput(claimPageSchema, where);
    const result = await work();
    revalidatePath(`/articles/${page.articleId}/claims/${page.claimId}`);
    revalidatePath(`/articles/${page.articleId}`);
    revalidatePath("/queue");
    return result;
  });
}

export async function takeClaimAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await takeClaim(await requireCtx(), input);
  });
}

export async function startReviewAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await startReview(await requireCtx(), input);
  });
}

export async function assignClaimAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await assignClaim(await requireCtx(), input);
  });
}

export async function addSourceAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    const source = await addSource(await requireCtx(), input);
    return { id: source.id };
  });
}

export async function editSourceAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await editSource(await requireCtx(), input);
  });
}

export async function removeSourceAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await removeSource(await requireCtx(), input);
  });
}

export async function proposeVerdictAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await proposeVerdict(await requireCtx(), input);
  });
}

export async function approveVerdictAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await approveVerdict(await requireCtx(), input);
  });
}

export async function returnVerdictAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await returnVerdict(await requireCtx(), input);
  });
}

export async function reopenClaimAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await reopenClaim(await requireCtx(), input);
  });
}

export async function addCommentAction(where: ClaimPage, input: unknown) {
  return onClaimPage(where, async () => {
    await addComment(await requireCtx(), input);
  });
}
