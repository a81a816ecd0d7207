import { and, eq, isNull, sql } from "drizzle-orm";
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
 * role or a sign-out-everywhere (all bump session_version) ends the session at once. The same
 * statement reads the data version (lib/services/dashboard/cache.ts), so a page whose figures are
 * cached needs no round trip of its own to learn whether they are still current.
 */
const readSession = cache(async (): Promise<{ user: SessionUser; dataVersion: string } | null> => {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const claims = await readSessionClaims(await cookies(), secret);
  const id = claims?.userId;
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      sessionVersion: users.sessionVersion,
      dataVersion: sql<string>`(select version::text from dashboard_state)`,
    })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)));
  if (!row || row.sessionVersion !== claims?.sessionVersion) return null;
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    dataVersion: row.dataVersion ?? "",
  };
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await readSession())?.user ?? null;
}

/** For server actions and route handlers: the service context, or an UnauthenticatedError. */
export async function requireCtx(): Promise<Ctx> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return { db: await getDb(), user };
}

/** For pages: sends a signed-out visitor to the login page and back here afterwards. */
export async function requirePageCtx(returnTo: string, permission?: Permission): Promise<Ctx> {
  const session = await readSession();
  if (!session) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  const { user, dataVersion } = session;
  // A page the role may not use answers like a page that does not exist.
  if (permission && !can(user.role, permission)) notFound();
  // Pages only read, so the version read with the session, before any of the page's own queries,
  // holds for the whole render. Actions (requireCtx) change data, and read it afresh.
  return { db: await getDb(), user, dataVersion };
}

/** Only same-origin paths: an absolute or protocol-relative URL falls back to the home page. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20)) return "/";
  return value;
}
