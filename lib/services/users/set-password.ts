import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { users, userTokens } from "@/db/schema";
import { systemCtx } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { requirePermission } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { setPasswordSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import { hashToken } from "./create-user";

const INVALID = "This link is invalid, expired or already used. Ask an admin for a new one.";

/** Whether a set-password link can still be used (for showing the form or a clear message). */
export async function checkSetPasswordToken(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: userTokens.id })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
      ),
    );
  return Boolean(row);
}

/**
 * Sets a password through a single-use, expiring link. The token is spent in the same statement
 * that checks it, so two submissions of one link cannot both succeed. Nobody is signed in: the
 * system acts, as "password-link", and the token says whose password it is.
 */
export async function setPasswordWithToken(
  db: Db,
  input: z.input<typeof setPasswordSchema>,
): Promise<void> {
  const ctx = systemCtx(db, "password-link");
  requirePermission(ctx.actor, "account.set_password_by_link");
  const data = parseInput(setPasswordSchema, input);
  const passwordHash = await hashPassword(data.password);
  await ctx.db.transaction(async (tx) => {
    const [spent] = await tx
      .update(userTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(userTokens.tokenHash, hashToken(data.token)),
          eq(userTokens.purpose, "set_password"),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: userTokens.userId });
    if (!spent) throw new ValidationError(INVALID, { token: [INVALID] });
    await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, spent.userId));
    await recordAudit(tx, {
      actorId: spent.userId,
      action: "user.set_password",
      entityType: "user",
      entityId: spent.userId,
    });
  });
}
