"use server";

import { makeAction } from "@/lib/server/action";
import { deleteArticle } from "@/lib/services/articles/delete-article";
import { updateArticleMeta } from "@/lib/services/articles/update-article";
import { addManualClaim } from "@/lib/services/claims/add-claim";
import type { ClaimRow } from "@/lib/services/claims/claim-row";
import { dismissClaim, restoreClaim } from "@/lib/services/claims/dismiss-claim";
import { mergeClaims } from "@/lib/services/claims/merge-claims";
import { splitClaim } from "@/lib/services/claims/split-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";

/** The article's page and the list, which counts its claims. */
const articlePages = (articleId: string) => [`/articles/${articleId}`, "/articles"];

/** The claim as the page needs it back (plain data). */
function summary(claim: ClaimRow) {
  return { id: claim.id, version: claim.version, articleId: claim.articleId };
}

/** An edit of one claim on the article page: the claim back, its article refreshed. */
const claimEdit = <I>(
  verb: (ctx: Parameters<typeof updateClaim>[0], input: I) => Promise<ClaimRow>,
) => makeAction(verb, { revalidate: (claim) => articlePages(claim.articleId), data: summary });

export const addClaimAction = claimEdit(addManualClaim);
export const updateClaimAction = claimEdit(updateClaim);
export const mergeClaimsAction = claimEdit(mergeClaims);
export const dismissClaimAction = claimEdit(dismissClaim);
export const restoreClaimAction = claimEdit(restoreClaim);

export const splitClaimAction = makeAction(splitClaim, {
  revalidate: ({ first }) => articlePages(first.articleId),
  data: ({ first, second }) => ({ first: summary(first), second: summary(second) }),
});

export const updateArticleAction = makeAction(updateArticleMeta, {
  revalidate: (article) => articlePages(article.id),
  data: (article) => ({ id: article.id, version: article.version }),
});

export const deleteArticleAction = makeAction(deleteArticle, {
  revalidate: ["/articles"],
  redirectTo: "/articles?deleted=1",
});
