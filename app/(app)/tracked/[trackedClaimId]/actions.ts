"use server";

import { makeAction } from "@/lib/server/action";
import { editCanonicalText } from "@/lib/services/tracking/edit-canonical-text";
import { unlinkAppearance } from "@/lib/services/tracking/unlink-appearance";

const trackedPage = (input: { trackedClaimId: string }) => [`/tracked/${input.trackedClaimId}`];

export const editCanonicalTextAction = makeAction(editCanonicalText, {
  revalidate: (_result, input) => trackedPage(input),
});
export const unlinkAppearanceAction = makeAction(unlinkAppearance, {
  revalidate: (claim, input) => [
    ...trackedPage(input),
    `/articles/${claim.articleId}/claims/${claim.id}`,
  ],
});
