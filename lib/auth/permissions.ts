import type { UserRole } from "@/db/schema/constants";
import { ForbiddenError } from "@/lib/errors";
import type { SystemActor, SystemName } from "./actor";

const everyone = ["reviewer", "editor", "admin"] as const;
const editors = ["editor", "admin"] as const;
const admins = ["admin"] as const;

/** A role, or a named part of the system (lib/auth/actor.ts). */
type Principal = UserRole | `system:${SystemName}`;

/**
 * The single source of who may do what. Services check it first, on every call. The system acts
 * only where a `system:` entry allows it.
 */
export const PERMISSIONS = {
  "articles.read": everyone,
  "articles.import": everyone,
  "articles.edit": everyone,
  "articles.delete": editors,
  "claims.edit": everyone,
  "claims.take": everyone,
  "claims.assign": editors,
  // The reviewer who checked a claim knows when its figure goes stale, as does the editor.
  "claims.recheck": everyone,
  // Re-run matching for a claim: replaces its suggestions, never a reviewer's decision.
  "claims.match": everyone,
  "sources.manage": everyone,
  "verdicts.propose": everyone,
  "verdicts.approve": editors,
  "verdicts.reopen": editors,
  "comments.write": everyone,
  // "Same claim" / "Not the same" on a suggested earlier appearance.
  "matches.decide": everyone,
  // A tracked claim's canonical wording, and taking an appearance out of it.
  "tracked.edit": editors,
  "dashboard.view": editors,
  "reports.export": everyone,
  // Search shows only what the article and claim pages show every signed-in user (articles.read).
  "search.query": everyone,
  "reports.publish": editors,
  "users.manage": admins,
  "users.create": [...admins, "system:seed", "system:cli"],
  "account.manage": everyone,
  "account.sign_in": ["system:sign-in"],
  "account.sign_out": ["system:sign-out"],
  "account.set_password_by_link": ["system:password-link"],
} as const satisfies Record<string, readonly Principal[]>;

export type Permission = keyof typeof PERMISSIONS;

function allows(principal: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Principal[]).includes(principal);
}

export function can(role: UserRole, permission: Permission): boolean {
  return allows(role, permission);
}

/** Throws ForbiddenError unless the map allows the user's role, or this part of the system. */
export function requirePermission(
  actor: { role: UserRole } | SystemActor,
  permission: Permission,
): void {
  const principal: Principal = "system" in actor ? `system:${actor.system}` : actor.role;
  if (!allows(principal, permission)) throw new ForbiddenError();
}

/** Reviewers act on unassigned claims and their own; editors and admins on all. */
export function canActOnClaim(
  user: { id: string; role: UserRole },
  claim: { assigneeId: string | null },
): boolean {
  if (user.role !== "reviewer") return true;
  return claim.assigneeId === null || claim.assigneeId === user.id;
}
