import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/services/audit";
import type { Ctx } from "@/lib/services/context";

/** Ends every session of the acting user, this one included. */
export async function signOutEverywhere(ctx: Ctx): Promise<void> {
  requirePermission(ctx.actor, "account.manage");
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, ctx.actor.id));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "user.sign_out_everywhere",
      entityType: "user",
      entityId: ctx.actor.id,
    });
  });
}
