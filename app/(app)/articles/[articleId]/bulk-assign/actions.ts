"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { bulkAssignClaims } from "@/lib/services/workflow/bulk-assign";
import { isUuid } from "@/lib/validation/ids";

export async function bulkAssignClaimsAction(input: unknown) {
  return runAction(async () => {
    const result = await bulkAssignClaims(await requireCtx(), input);
    const articleId = (input as { articleId?: unknown } | null)?.articleId;
    // The service has checked the id; only a well-formed one reaches the cache.
    if (isUuid(articleId)) {
      revalidatePath(`/articles/${articleId}`);
    }
    revalidatePath("/queue");
    return result;
  });
}
