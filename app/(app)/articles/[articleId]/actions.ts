"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { deleteArticle } from "@/lib/services/articles/delete-article";
import { updateArticleMeta } from "@/lib/services/articles/update-article";
import { addManualClaim } from "@/lib/services/claims/add-claim";
import type { ClaimRow } from "@/lib/services/claims/claim-row";
import { dismissClaim, restoreClaim } from "@/lib/services/claims/dismiss-claim";
import { mergeClaims } from "@/lib/services/claims/merge-claims";
import { splitClaim } from "@/lib/services/claims/split-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { runVersioned } from "./run-versioned";

function refresh(articleId: string) {
  revalidatePath(`/articles/${articleId}`);
  revalidatePath("/articles");
}

/** The claim as the page needs it back (plain data). */
function summary(claim: ClaimRow) {
  return { id: claim.id, version: claim.version, articleId: claim.articleId };
}

export async function addClaimAction(input: unknown) {
  return runAction(async () => {
    const claim = await addManualClaim(await requireCtx(), input);
    refresh(claim.articleId);
    return summary(claim);
  });
}

export async function updateClaimAction(input: unknown) {
  return runVersioned(async () => {
    const claim = await updateClaim(await requireCtx(), input);
    refresh(claim.articleId);
    return summary(claim);
  });
}

export async function splitClaimAction(input: unknown) {
  return runVersioned(async () => {
    const { first, second } = await splitClaim(await requireCtx(), input);
    refresh(first.articleId);
    return { first: summary(first), second: summary(second) };
  });
}

export async function mergeClaimsAction(input: unknown) {
  return runVersioned(async () => {
    const claim = await mergeClaims(await requireCtx(), input);
    refresh(claim.articleId);
    return summary(claim);
  });
}

export async function dismissClaimAction(input: unknown) {
  return runVersioned(async () => {
    const claim = await dismissClaim(await requireCtx(), input);
    refresh(claim.articleId);
    return summary(claim);
  });
}

export async function restoreClaimAction(input: unknown) {
  return runVersioned(async () => {
    const claim = await restoreClaim(await requireCtx(), input);
    refresh(claim.articleId);
    return summary(claim);
  });
}

export async function updateArticleAction(input: unknown) {
  return runVersioned(async () => {
    const article = await updateArticleMeta(await requireCtx(), input);
    refresh(article.id);
    return { id: article.id, version: article.version };
  });
}

export async function deleteArticleAction(input: unknown) {
  const result = await runAction(async () => {
    await deleteArticle(await requireCtx(), input);
    revalidatePath("/articles");
  });
  if (result.ok) redirect("/articles?deleted=1");
  return result;
}
