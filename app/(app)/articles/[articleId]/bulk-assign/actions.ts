"use server";

import { makeAction } from "@/lib/server/action";
import { bulkAssignClaims } from "@/lib/services/workflow/bulk-assign";
import { isUuid } from "@/lib/validation/ids";

export const bulkAssignClaimsAction = makeAction(bulkAssignClaims, {
  revalidate: (_, input) => {
    const articleId = (input as { articleId?: unknown } | null)?.articleId;
    // The service has checked the id; only a well-formed one reaches the cache.
    return isUuid(articleId) ? [`/articles/${articleId}`, "/queue"] : ["/queue"];
  },
  data: (result) => result,
});
