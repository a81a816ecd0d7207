import type { z } from "zod";
import { sources } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { addSourceSchema } from "@/lib/validation/sources";
import { auditFields, lockClaimForSources, sourceAudit, sourceColumns } from "./source-columns";

export async function addSource(ctx: Ctx, input: z.input<typeof addSourceSchema>) {
  requirePermission(ctx.actor, "sources.manage");
  const { claimId, ...fields } = parseInput(addSourceSchema, input);
  return ctx.db.transaction(async (tx) => {
    const claim = await lockClaimForSources(tx, ctx.actor, claimId);
    const [source] = await tx
      .insert(sources)
      .values({ ...fields, claimId, addedBy: ctx.actor.id })
      .returning(sourceColumns);
    if (!source) throw new Error("source insert returned no row");
    await recordAudit(tx, {
      ...sourceAudit(ctx.actor.id, claim, "source.add", source.id),
      after: auditFields(source),
    });
    return source;
  });
}
