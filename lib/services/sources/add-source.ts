import type { z } from "zod";
import { sources } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { missingClaimError } from "@/lib/services/claims/merge-claims";
import type { Ctx } from "@/lib/services/context";
import { assertCanAct, assertEditable, lockClaim } from "@/lib/services/workflow/claim-lock";
import { parseInput } from "@/lib/validation/parse";
import { addSourceSchema } from "@/lib/validation/sources";
import { auditFields, sourceColumns } from "./source-columns";

export async function addSource(ctx: Ctx, input: z.input<typeof addSourceSchema>) {
  requirePermission(ctx.user, "sources.manage");
  const { claimId, ...fields } = parseInput(addSourceSchema, input);
  return ctx.db.transaction(async (tx) => {
    // The claim lock keeps a source from slipping in while the claim is being approved, or
    // merged away (a merge locks both claims before it moves their sources).
    const claim = await lockClaim(tx, claimId).catch(async (error: unknown) => {
      if (error instanceof NotFoundError) throw await missingClaimError(tx, claimId, "the source");
      throw error;
    });
    assertCanAct(ctx.user, claim);
    assertEditable(claim);
    const [source] = await tx
      .insert(sources)
      .values({ ...fields, claimId, addedBy: ctx.user.id })
      .returning(sourceColumns);
    if (!source) throw new Error("source insert returned no row");
    await recordAudit(tx, {
      actorId: ctx.user.id,
      action: "source.add",
      entityType: "source",
      entityId: source.id,
      articleId: claim.articleId,
      claimId,
      after: auditFields(source),
    });
    return source;
  });
}
