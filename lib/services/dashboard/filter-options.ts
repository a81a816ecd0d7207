import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { cachedByVersion } from "@/lib/services/data-version";

/**
 * What the filter form offers: every outlet, and the people who can hold claims. The same for
 * every editor and changed only with articles and users, so it is reused while the data version
 * (cache.ts) is unchanged, like the dashboard itself.
 */
export async function getFilterOptions(ctx: Ctx) {
  requirePermission(ctx.actor, "dashboard.view");
  return cachedByVersion(
    ctx.db,
    "filter-options",
    async () => {
      const [people, outlets] = await Promise.all([listPeople(ctx.db), listOutlets(ctx.db)]);
      return {
        outlets,
        reviewers: people.filter((p) => p.active).map(({ id, name }) => ({ id, name })),
      };
    },
    ctx.dataVersion,
  );
}

export async function listPeople(db: Executor) {
  return queryRows<{ id: string; name: string; role: string; active: boolean }>(
    db,
    sql`select id, name, role, disabled_at is null as active from users order by lower(name)`,
  );
}

/** Distinct outlets by skipping through the outlet index, not by reading every article. */
export async function listOutlets(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ outlet: string }>(
    db,
    sql`with recursive o(outlet) as (
        (select outlet from articles where outlet is not null order by outlet limit 1)
        union all
        select (select a.outlet from articles a where a.outlet > o.outlet order by a.outlet limit 1)
        from o where o.outlet is not null
      )
      select outlet from o where outlet is not null`,
  );
  return rows.map((r) => r.outlet);
}
