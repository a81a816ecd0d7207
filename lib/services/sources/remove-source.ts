import { and, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { sources } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { removeSourceSchema } from "@/lib/validation/sources";
import { auditFields, lockSourceForChange, sourceAudit } from "./source-columns";

export async function removeSource(ctx: Ctx, input: z.input<typeof removeSourceSchema>) {
  requirePermission(ctx.actor, "sources.manage");
  const { sourceId, version } = parseInput(removeSourceSchema, input);
  return ctx.db.transaction(async (tx) => {
    const hint = "Check the change before removing it.";
    const { claim, current } = await lockSourceForChange(
      tx,
      ctx.actor,
      { sourceId, version },
      hint,
    );
    if (claim.status === "pending_approval") {
      // A verdict pending approval must keep at least one source behind it.
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(sources)
        .where(and(eq(sources.claimId, claim.id), ne(sources.id, sourceId)));
      if (!others || others.n < 1) {
        throw new ValidationError(
          "This is the only source of a verdict pending approval; add another source first.",
        );
      }
    }
    await tx.delete(sources).where(and(eq(sources.id, sourceId), eq(sources.version, version)));
    await recordAudit(tx, {
      ...sourceAudit(ctx.actor.id, claim, "source.remove", sourceId),
      before: auditFields(current),
    });
    return { removed: sourceId };
  });
}
