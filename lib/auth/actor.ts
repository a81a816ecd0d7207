import type { Db } from "@/db/client";
import type { UserRole } from "@/db/schema/constants";

/** The signed-in user as services see it: read from the database on every request. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/**
 * The parts of the application that write with no signed-in user behind them: the demo seed, the
 * command line, sign-in (throttle, password upgrade, the new session), sign-out (ending the
 * session a cookie names) and the set-password link. What each may do is in the permission map
 * (permissions.ts), like a role.
 */
export const SYSTEM_ACTORS = ["seed", "cli", "sign-in", "sign-out", "password-link"] as const;
export type SystemName = (typeof SYSTEM_ACTORS)[number];

export interface SystemActor {
  readonly system: SystemName;
}

/** Who acts in a service call: a user, or the system under one of its names. */
export type Actor = SessionUser | SystemActor;

/**
 * A service's context: the database (or a transaction) and who acts. Plain `Ctx` is a signed-in
 * user's, which every service a user calls takes; `SystemCtx` fits only services typed to take
 * `ActorCtx`, and those check the system's entries in the permission map.
 */
export interface Ctx<A extends Actor = SessionUser> {
  db: Db;
  actor: A;
  /**
   * The data version (lib/services/dashboard/cache.ts) as read when this request began, before any
   * of its queries; set for pages, which only read. Absent, cached figures read it themselves.
   */
  dataVersion?: string;
}

export type SystemCtx = Ctx<SystemActor>;

/** A context of either kind: for the few services the system may call too. */
export type ActorCtx = Ctx<Actor>;

export function systemCtx(db: Db, system: SystemName): SystemCtx {
  return { db, actor: { system } };
}

export function actorOf(ctx: ActorCtx): Actor {
  return ctx.actor;
}

export function isSystem(actor: Actor): actor is SystemActor {
  return "system" in actor;
}

/** The acting user's id, or null for the system: what audit rows and created_by record. */
export function actorId(actor: Actor): string | null {
  return isSystem(actor) ? null : actor.id;
}
