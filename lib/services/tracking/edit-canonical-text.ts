import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { trackedClaims } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { staleWriteError } from "@/lib/services/conflict";
import type { Ctx } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { editCanonicalTextSchema } from "@/lib/validation/tracking";
import { lockTrackedClaims } from "./link-appearances";

/**
 * An editor rewords what the tracked claim is, whatever each article's phrasing. The version the
 * editor read must still be current: a second editor's save meanwhile is a conflict that names
 * them, and the text typed stays in the form.
 */
export async function editCanonicalText(ctx: Ctx, input: z.input<typeof editCanonicalTextSchema>) {
  requirePermission(ctx.actor, "tracked.edit");
  const data = parseInput(editCanonicalTextSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [tracked] = await lockTrackedClaims(tx, [data.trackedClaimId]);
    if (!tracked) throw new NotFoundError("tracked claim");
    if (tracked.version !== data.version) {
      throw await staleWriteError(
        tx,
        {
          type: "tracked_claim",
          id: tracked.id,
          label: "tracked claim",
          fallbackAt: tracked.updatedAt,
        },
        tracked,
      );
    }
    const [after] = await tx
      .update(trackedClaims)
      .set({
        canonicalText: data.canonicalText,
        version: sql`${trackedClaims.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(trackedClaims.id, tracked.id))
      .returning();
    if (!after) throw new Error("tracked claim update returned no row");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "tracked.edit",
      entityType: "tracked_claim",
      entityId: tracked.id,
      before: { canonicalText: tracked.canonicalText, version: tracked.version },
      after: { canonicalText: after.canonicalText, version: after.version },
    });
    return after;
  });
}
