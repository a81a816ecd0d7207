import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { staleWriteError } from "@/lib/services/conflict";
import type { Ctx } from "@/lib/services/context";
import { changeRoleSchema, userIdSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import {
  countOtherActiveAdmins,
  findUserForUpdate,
  type PublicUser,
  publicUserColumns,
} from "./queries";

type Change = Partial<{ role: PublicUser["role"]; disabledAt: Date | null }>;

/**
 * Applies one change to a user the admin has read at `version`. Every change here ends the
 * user's sessions (session_version is bumped), and the last active admin is never removed.
 */
async function changeUser(
  ctx: Ctx,
  userId: string,
  version: number,
  action: string,
  decide: (user: PublicUser) => Change,
): Promise<PublicUser> {
  requirePermission(ctx.actor, "users.manage");
  return ctx.db.transaction(async (tx: Tx) => {
    const before = await findUserForUpdate(tx, userId);
    if (!before) throw new NotFoundError("user");
    if (before.version !== version) {
      throw await staleWriteError(
        tx,
        { type: "user", id: before.id, label: "user" },
        before,
        "Review the change, then try again.",
      );
    }
    const change = decide(before);
    const removesAdmin =
      before.role === "admin" &&
      before.disabledAt === null &&
      ((change.role !== undefined && change.role !== "admin") ||
        (change.disabledAt !== undefined && change.disabledAt !== null));
    if (removesAdmin && (await countOtherActiveAdmins(tx, before.id)) === 0) {
      throw new ValidationError("This is the last active admin: make another user an admin first.");
    }
    const [after] = await tx
      .update(users)
      .set({
        ...change,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        version: sql`${users.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, before.id))
      .returning(publicUserColumns);
    if (!after) throw new NotFoundError("user");
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action,
      entityType: "user",
      entityId: before.id,
      before: { role: before.role, disabledAt: before.disabledAt },
      after: { role: after.role, disabledAt: after.disabledAt },
    });
    return after;
  });
}

export async function changeUserRole(ctx: Ctx, input: z.input<typeof changeRoleSchema>) {
  requirePermission(ctx.actor, "users.manage");
  const data = parseInput(changeRoleSchema, input);
  return changeUser(ctx, data.userId, data.version, "user.role_change", () => ({
    role: data.role,
  }));
}

export async function disableUser(ctx: Ctx, input: z.input<typeof userIdSchema>) {
  requirePermission(ctx.actor, "users.manage");
  const data = parseInput(userIdSchema, input);
  return changeUser(ctx, data.userId, data.version, "user.disable", (user) => {
    if (user.disabledAt) throw new ValidationError("This user is already disabled.");
    return { disabledAt: new Date() };
  });
}

export async function enableUser(ctx: Ctx, input: z.input<typeof userIdSchema>) {
  requirePermission(ctx.actor, "users.manage");
  const data = parseInput(userIdSchema, input);
  return changeUser(ctx, data.userId, data.version, "user.enable", (user) => {
    if (!user.disabledAt) throw new ValidationError("This user is already active.");
    return { disabledAt: null };
  });
}
