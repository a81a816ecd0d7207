import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { listOutlets } from "@/lib/services/dashboard/filter-options";
import { cachedByVersion } from "@/lib/services/data-version";

/**
 * What the search filters offer: every outlet. It changes only with articles, which raise the data
 * version, so it is reused while the version is unchanged.
 */
export async function getSearchOptions(ctx: Ctx) {
  requirePermission(ctx.actor, "search.query");
  const outlets = await cachedByVersion(
    ctx.db,
    "search-outlets",
    () => listOutlets(ctx.db),
    ctx.dataVersion,
  );
  return { outlets };
}
