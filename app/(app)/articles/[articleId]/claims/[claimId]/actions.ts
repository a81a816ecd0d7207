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
import { isUuid } from "@/lib/validation/ids";

/** Every change here shows on the claim page, the article page and someone's queue. */
function refresh(articleId: unknown, claimId: unknown) {
  // Only ids reach revalidatePath: the caller's arguments are untrusted.
  if (isUuid(articleId) && isUuid(claimId)) {
    revalidatePath(`/articles/${articleId}/claims/${claimId}`);
    revalidatePath(`/articles/${articleId}`);
  }
  revalidatePath("/queue");
}

type Where = { articleId: string; claimId: string };

export async function takeClaimAction(where: Where, input: unknown) {
  return runAction(async () => {
    await takeClaim(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function startReviewAction(where: Where, input: unknown) {
  return runAction(async () => {
    await startReview(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function assignClaimAction(where: Where, input: unknown) {
  return runAction(async () => {
    await assignClaim(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function addSourceAction(where: Where, input: unknown) {
  return runAction(async () => {
    const source = await addSource(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
    return { id: source.id };
  });
}

export async function editSourceAction(where: Where, input: unknown) {
  return runAction(async () => {
    await editSource(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function removeSourceAction(where: Where, input: unknown) {
  return runAction(async () => {
    await removeSource(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function proposeVerdictAction(where: Where, input: unknown) {
  return runAction(async () => {
    await proposeVerdict(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function approveVerdictAction(where: Where, input: unknown) {
  return runAction(async () => {
    await approveVerdict(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function returnVerdictAction(where: Where, input: unknown) {
  return runAction(async () => {
    await returnVerdict(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function reopenClaimAction(where: Where, input: unknown) {
  return runAction(async () => {
    await reopenClaim(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}

export async function addCommentAction(where: Where, input: unknown) {
  return runAction(async () => {
    await addComment(await requireCtx(), input);
    refresh(where.articleId, where.claimId);
  });
}
