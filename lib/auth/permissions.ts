import type { UserRole } from "@/db/schema/constants";
import { ForbiddenError } from "@/lib/errors";

const everyone = ["reviewer", "editor", "admin"] as const;
const editors = ["editor", "admin"] as const;
const admins = ["admin"] as const;

/** The single source of who may do what. Services check it first, on every call. */
export const PERMISSIONS = {
  "articles.read": everyone,
  "articles.import": everyone,
  "articles.edit": everyone,
  "articles.delete": editors,
  "claims.edit": everyone,
  "claims.take": everyone,
  "claims.assign": editors,
  "sources.manage": everyone,
  "verdicts.propose": everyone,
  "verdicts.approve": editors,
  "verdicts.reopen": editors,
  "comments.write": everyone,
  "dashboard.view": editors,
  "reports.export": everyone,
  "reports.publish": editors,
  "users.manage": admins,
  "account.manage": everyone,
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: UserRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly UserRole[]).includes(role);
}

export function requirePermission(user: { role: UserRole }, permission: Permission): void {
  if (!can(user.role, permission)) throw new ForbiddenError();
}

/** Reviewers act on unassigned claims and their own; editors and admins on all. */
export function canActOnClaim(
  user: { id: string; role: UserRole },
  claim: { assigneeId: string | null },
): boolean {
  if (user.role !== "reviewer") return true;
  return claim.assigneeId === null || claim.assigneeId === user.id;
}
