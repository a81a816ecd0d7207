"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { runAction } from "@/lib/action-result";
import { requireCtx } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { publishReport } from "@/lib/services/reports/publish-report";
import { revokeReport } from "@/lib/services/reports/revoke-report";
import { baseUrlFrom } from "@/lib/services/reports/urls";
import type { PublishReportInput, RevokeReportInput } from "@/lib/validation/reports";

export async function publishReportAction(input: PublishReportInput) {
  return runAction(async () => {
    const ctx = await requireCtx();
    const baseUrl = baseUrlFrom(await headers(), getEnv().PUBLIC_URL);
    const result = await publishReport(ctx, input, { baseUrl });
    revalidatePath(`/articles/${input.articleId}/report`);
    return { url: result.url, corrections: result.corrections };
  });
}

export async function revokeReportAction(input: RevokeReportInput) {
  return runAction(async () => {
    const ctx = await requireCtx();
    await revokeReport(ctx, input);
    revalidatePath(`/articles/${input.articleId}/report`);
    return { revoked: true };
  });
}
