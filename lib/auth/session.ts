import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { UnauthenticatedError } from "@/lib/errors";
import type { Ctx, SessionUser } from "./actor";
import { can, type Permission } from "./permissions";
import { readSessionClaims, type SessionClaims } from "./session-token";
import { findSessionUser } from "./sessions";

/**
 * The signed-in user, checked against the database on every request (lib/auth/sessions.ts): a
 * session signed out, a disabled user, a changed role or a sign-out-everywhere ends it at once.
 */
const readSession = cache(async (): Promise<{ user: SessionUser; dataVersion: string } | null> => {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const claims = await readSessionClaims(await cookies(), secret);
  if (!claims) return null;
  return findSessionUser(await getDb(), claims);
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await readSession())?.user ?? null;
}

/** For server actions and route handlers: the service context, or an UnauthenticatedError. */
export async function requireCtx(): Promise<Ctx> {
  const user = await getSessionUser();
  if (!user) throw new UnauthenticatedError();
  return { db: await getDb(), actor: user };
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
  return { db: await getDb(), actor: user, dataVersion };
}

/** What this request's session cookie says, live or not: what signing out of it ends. */
export async function currentSessionClaims(): Promise<SessionClaims | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  return readSessionClaims(await cookies(), secret);
}

/** Only same-origin paths: an absolute or protocol-relative URL falls back to the home page. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20)) return "/";
  return value;
}
