import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { users, userTokens } from "@/db/schema";
import { type ActorCtx, actorId, actorOf, isSystem } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { requirePermission } from "@/lib/auth/permissions";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit";
import { createUserSchema, passwordSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import { emailTaken, type PublicUser, publicUserColumns } from "./queries";

export const SET_PASSWORD_TTL_HOURS = 48;

export type CreatedUser = {
  user: PublicUser;
  /** Shown once to the admin; only its hash is stored. */
  oneTimePassword?: string;
  setPasswordToken?: string;
  expiresAt?: Date;
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A readable one-time password: four groups of five from an alphabet without look-alikes. */
function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return chars.match(/.{5}/g)?.join("-") ?? chars;
}

/**
 * The one way to create a user: an admin (with a one-time password or a set-password link to hand
 * over), or the system (the seed, `npm run user:create`), which alone may give the password.
 */
export async function createUser(
  ctx: ActorCtx,
  input: z.input<typeof createUserSchema>,
  chosen?: { password: string },
): Promise<CreatedUser> {
  const actor = actorOf(ctx);
  requirePermission(actor, "users.create");
  if (chosen && !isSystem(actor)) throw new ForbiddenError();
  const data = parseInput(createUserSchema, input);
  const credential = chosen ? "password" : data.credential;
  const oneTimePassword = credential === "one_time_password" ? generatePassword() : undefined;
  const password = chosen ? parseInput(passwordSchema, chosen.password) : oneTimePassword;
  const passwordHash = password ? await hashPassword(password) : null;
  const setPasswordToken =
    credential === "set_password_link" ? randomBytes(32).toString("base64url") : undefined;
  return ctx.db.transaction(async (tx) => {
    if ((await emailTaken(tx, data.email)).length > 0) {
      throw new ValidationError("A user with that email already exists.", {
        email: ["A user with that email already exists."],
      });
    }
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, role: data.role, passwordHash })
      .returning(publicUserColumns);
    if (!user) throw new Error("user insert returned no row");
    let expiresAt: Date | undefined;
    if (setPasswordToken) {
      expiresAt = new Date(Date.now() + SET_PASSWORD_TTL_HOURS * 3600_000);
      await tx.insert(userTokens).values({
        userId: user.id,
        purpose: "set_password",
        tokenHash: hashToken(setPasswordToken),
        expiresAt,
        createdBy: actorId(actor),
      });
    }
    const via = isSystem(actor) ? { via: actor.system } : {};
    await recordAudit(tx, {
      actorId: actorId(actor),
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role, credential, ...via },
    });
    return { user, oneTimePassword, setPasswordToken, expiresAt };
  });
}
