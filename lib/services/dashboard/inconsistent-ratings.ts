import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { listInconsistentTrackedClaims } from "@/lib/services/tracking/consistency";

export const INCONSISTENT_LIMIT = 20;

/**
 * The dashboard's "Inconsistent ratings": tracked claims whose appearances were approved with
 * different ratings, latest approval first. Not cut by the dashboard's filters: a contradiction
 * on record matters whenever its verdicts were given.
 */
export async function listInconsistentRatings(ctx: Ctx) {
  requirePermission(ctx.actor, "dashboard.view");
  return listInconsistentTrackedClaims(ctx.db, INCONSISTENT_LIMIT);
}
