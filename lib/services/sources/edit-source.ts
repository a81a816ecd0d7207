import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { sources } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ConflictError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { editSourceSchema } from "@/lib/validation/sources";
import { auditFields, lockSourceForChange, sourceAudit, sourceColumns } from "./source-columns";

export async function editSource(ctx: Ctx, input: z.input<typeof editSourceSchema>) {
  requirePermission(ctx.actor, "sources.manage");
  const { sourceId, version, ...fields } = parseInput(editSourceSchema, input);
  const hint = "Your edits are kept in the form: compare, then save again.";
  return ctx.db.transaction(async (tx) => {
    const { claim, current } = await lockSourceForChange(
      tx,
      ctx.actor,
      { sourceId, version },
      hint,
    );
    const [after] = await tx
      .update(sources)
      .set({ ...fields, version: sql`${sources.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(sources.id, sourceId), eq(sources.version, version)))
      .returning(sourceColumns);
    if (!after) throw new ConflictError("This source was changed by someone else. Try again.");
    await recordAudit(tx, {
      ...sourceAudit(ctx.actor.id, claim, "source.edit", sourceId),
      before: auditFields(current),
      after: auditFields(after),
    });
    return after;
  });
}
