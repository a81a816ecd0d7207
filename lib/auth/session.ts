import { and, eq, isNull } from "drizzle-orm";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { UnauthenticatedError } from "@/lib/errors";
import type { Ctx, SessionUser } from "@/lib/services/context";
import { isUuid } from "@/lib/validation/ids";
import { can, type Permission } from "./permissions";
import { readSessionClaims } from "./session-token";

/**
 * The signed-in user, checked against the database on every request: a disabled user, a changed
 * role or a sign-out-everywhere (all bump session_version) ends the session at once.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const claims = await readSessionClaims(await cookies(), secret);
  const id = claims?.userId;
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)));
  if (!user || user.sessionVersion !== claims?.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For server actions and route handlers: the service context, or an UnauthenticatedError. */
export async function requireCtx(): Promise<Ctx> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return { db: await getDb(), user };
}

/** For pages: sends a signed-out visitor to the login page and back here afterwards. */
export async function requirePageCtx(returnTo: string, permission?: Permission): Promise<Ctx> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  // A page the role may not use answers like a page that does not exist.
  if (permission && !can(user.role, permission)) notFound();
  return { db: await getDb(), user };
}

/** Only same-origin paths: an absolute or protocol-relative URL falls back to the home page. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20)) return "/";
  return value;
}
