import { and, asc, eq, inArray } from "drizzle-orm";
import { claims, users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { TRANSITIONS } from "@/lib/services/claims/transitions";
import type { Ctx } from "@/lib/services/context";
import { isUuid } from "@/lib/validation/ids";
import { listAssignees } from "./assignees";

/**
 * The props of the bulk-assign dialog for one article: its claims that can still be assigned,
 * with the versions read now, and the people who can take them. Editors and admins only: check
 * `can(user.role, "claims.assign")` before calling it for a page everyone sees.
 */
export async function getBulkAssignOptions(ctx: Ctx, articleId: string) {
  requirePermission(ctx.actor, "claims.assign");
  if (!isUuid(articleId)) throw new NotFoundError("article");
  const [rows, assignees] = await Promise.all([
    ctx.db
      .select({
        id: claims.id,
        version: claims.version,
        text: claims.text,
        assigneeName: users.name,
      })
      .from(claims)
      .leftJoin(users, eq(users.id, claims.assigneeId))
      .where(
        and(eq(claims.articleId, articleId), inArray(claims.status, [...TRANSITIONS.assign.from])),
      )
      .orderBy(asc(claims.start)),
    listAssignees(ctx.db),
  ]);
  return {
    claims: rows,
    assignees: assignees.map((a) => ({ id: a.id, name: `${a.name} (${a.role})` })),
  };
}
