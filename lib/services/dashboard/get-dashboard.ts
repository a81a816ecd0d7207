import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Executor, queryRows } from "@/db/client";
import { CLAIM_STATUSES, type ClaimStatus, RATINGS, type Rating } from "@/db/schema/constants";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { cachedByVersion } from "@/lib/services/data-version";
import { type DueRechecks, queryDueRechecks, todayUtc } from "@/lib/services/queue/due-rechecks";
import { type ArticleSort, dashboardSchema } from "@/lib/validation/dashboard";
import { parseInput } from "@/lib/validation/parse";
import { listOutlets, listPeople } from "./filter-options";
import { type BucketPercentile, histogramPercentile } from "./percentiles";
import { resolvePeriod } from "./period";
import {
  approvalWeeks,
  articleProgress,
  claimConditions,
  claimWeeks,
  type DashboardFilters,
  type SourceOptions,
  utc,
  verdictWeeks,
} from "./sources";

export interface ReviewerRow {
  id: string;
  name: string;
  /** Claims imported in the period, assigned to them, open or in review. */
  assignedOpen: number;
  proposed: number;
  approved: number;
  returned: number;
  /** returned / (approved + returned): the share of editors' decisions that sent work back. */
  returnedShare: number | null;
}

export interface ArticleRow {
  id: string;
  title: string;
  outlet: string | null;
  claims: number;
  approved: number;
  pending: number;
  /** Open or in review. */
  open: number;
}

export interface OldClaim {
  id: string;
  articleId: string;
  articleTitle: string;
  text: string;
  status: ClaimStatus;
  createdAt: Date;
  assigneeName: string | null;
}

export interface WeekVerdicts {
  week: string;
  counts: Record<Rating, number>;
  total: number;
}

export interface WeekTime {
  week: string;
  approved: number;
  median: BucketPercentile | null;
  p90: BucketPercentile | null;
}

export interface Dashboard {
  filters: DashboardFilters;
  articleSort: ArticleSort;
  funnel: Record<ClaimStatus, number>;
  claimsTotal: number;
  distribution: { rating: Rating; count: number; share: number }[];
  approvedTotal: number;
  verdictsOverTime: WeekVerdicts[];
  timeToVerdict: { overall: Omit<WeekTime, "week">; weeks: WeekTime[] };
  articles: ArticleRow[];
  reviewers: ReviewerRow[];
  oldest: OldClaim[];
  /** Approved claims due for re-check, desk-wide: the filters do not apply to a to-do list. */
  due: DueRechecks;
  options: { outlets: string[]; reviewers: { id: string; name: string }[] };
}

export const ARTICLE_LIMIT = 25;
export const OLDEST_LIMIT = 20;
export const DUE_LIMIT = 20;

/**
 * Everything the dashboard shows for one set of filters, read in parallel, and reused while the
 * data behind it is unchanged (cache.ts).
 */
export async function getDashboard(
  ctx: Ctx,
  input: z.input<typeof dashboardSchema>,
  options: SourceOptions & { now?: Date } = {},
): Promise<Dashboard> {
  requirePermission(ctx.actor, "dashboard.view");
  const data = parseInput(dashboardSchema, input);
  const filters: DashboardFilters = {
    period: resolvePeriod(data, options.now),
    outlet: data.outlet,
    reviewer: data.reviewer,
    kind: data.kind,
    rating: data.rating,
  };
  // What is due changes with the day as well as with the data, so the day is part of the key.
  const today = todayUtc(options.now);
  const key = JSON.stringify([filters, data.articleSort, options.base ?? false, today]);
  return cachedByVersion(
    ctx.db,
    key,
    () => computeDashboard(ctx.db, filters, data.articleSort, { ...options, today }),
    ctx.dataVersion,
  );
}

async function computeDashboard(
  db: Executor,
  filters: DashboardFilters,
  articleSort: ArticleSort,
  options: SourceOptions & { today: string },
): Promise<Dashboard> {
  const [statusRows, ratingWeeks, bucketWeeks, eventRows, articles, oldest, people, outlets, due] =
    await Promise.all([
      queryRows<{ reviewer: string; status: ClaimStatus; n: number }>(
        db,
        sql`select reviewer, status, sum(n)::int as n from (${claimWeeks(filters, options)}) s
          group by reviewer, status`,
      ),
      queryRows<{ week: string; rating: Rating; n: number }>(
        db,
        sql`select week::text as week, rating, sum(n)::int as n from (${approvalWeeks(filters, options)}) s
          group by week, rating`,
      ),
      queryRows<{ week: string; bucket: number; n: number }>(
        db,
        sql`select week::text as week, bucket, sum(n)::int as n from (${approvalWeeks(filters, options)}) s
          group by week, bucket`,
      ),
      queryRows<{ proposer: string; event: string; n: number }>(
        db,
        sql`select proposer, event, sum(n)::int as n from (${verdictWeeks(filters, options)}) s
          group by proposer, event`,
      ),
      listArticleProgress(db, filters, articleSort, options),
      listOldestUnfinished(db, filters),
      listPeople(db),
      listOutlets(db),
      queryDueRechecks(db, { today: options.today, limit: DUE_LIMIT }),
    ]);

  const funnel = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<
    ClaimStatus,
    number
  >;
  const assignedOpen = new Map<string, number>();
  for (const row of statusRows) {
    funnel[row.status] += row.n;
    if (row.reviewer && (row.status === "open" || row.status === "in_review")) {
      assignedOpen.set(row.reviewer, (assignedOpen.get(row.reviewer) ?? 0) + row.n);
    }
  }

  const byRating = new Map<Rating, number>();
  const overTime = new Map<string, WeekVerdicts>(
    filters.period.weeks.map((week) => [week, { week, counts: zeroRatings(), total: 0 }]),
  );
  for (const row of ratingWeeks) {
    byRating.set(row.rating, (byRating.get(row.rating) ?? 0) + row.n);
    const week = overTime.get(row.week);
    if (week) {
      week.counts[row.rating] += row.n;
      week.total += row.n;
    }
  }
  const approvedTotal = [...byRating.values()].reduce((a, b) => a + b, 0);

  const allBuckets = new Map<number, number>();
  const weekBuckets = new Map<string, Map<number, number>>();
  for (const row of bucketWeeks) {
    allBuckets.set(row.bucket, (allBuckets.get(row.bucket) ?? 0) + row.n);
    const buckets = weekBuckets.get(row.week) ?? new Map<number, number>();
    buckets.set(row.bucket, (buckets.get(row.bucket) ?? 0) + row.n);
    weekBuckets.set(row.week, buckets);
  }
  const timeOf = (buckets: Map<number, number>) => ({
    approved: [...buckets.values()].reduce((a, b) => a + b, 0),
    median: histogramPercentile(buckets, 0.5),
    p90: histogramPercentile(buckets, 0.9),
  });

  const events = new Map<string, { proposed: number; approved: number; returned: number }>();
  for (const row of eventRows) {
    if (!row.proposer) continue;
    const entry = events.get(row.proposer) ?? { proposed: 0, approved: 0, returned: 0 };
    if (row.event === "proposed" || row.event === "approved" || row.event === "returned") {
      entry[row.event] += row.n;
    }
    events.set(row.proposer, entry);
  }
  const names = new Map(people.map((p) => [p.id, p]));
  // Every active reviewer is listed, with or without work; anyone else only when they have some.
  const reviewerIds = new Set<string>([
    ...people.filter((p) => p.role === "reviewer" && p.active).map((p) => p.id),
    ...assignedOpen.keys(),
    ...events.keys(),
  ]);
  const reviewers: ReviewerRow[] = [...reviewerIds]
    .filter((id) => !filters.reviewer || id === filters.reviewer)
    .map((id) => {
      const e = events.get(id) ?? { proposed: 0, approved: 0, returned: 0 };
      const decided = e.approved + e.returned;
      return {
        id,
        name: names.get(id)?.name ?? "Former user",
        assignedOpen: assignedOpen.get(id) ?? 0,
        ...e,
        returnedShare: decided ? e.returned / decided : null,
      };
    })
    .sort((a, b) => b.assignedOpen - a.assignedOpen || a.name.localeCompare(b.name));

  return {
    filters,
    articleSort,
    funnel,
    claimsTotal: Object.values(funnel).reduce((a, b) => a + b, 0),
    distribution: RATINGS.map((rating) => {
      const count = byRating.get(rating) ?? 0;
      return { rating, count, share: approvedTotal ? count / approvedTotal : 0 };
    }),
    approvedTotal,
    verdictsOverTime: [...overTime.values()],
    timeToVerdict: {
      overall: timeOf(allBuckets),
      weeks: filters.period.weeks.map((week) => ({
        week,
        ...timeOf(weekBuckets.get(week) ?? new Map()),
      })),
    },
    articles,
    reviewers,
    oldest,
    due,
    options: {
      outlets,
      reviewers: people
        .filter((p) => p.active || reviewerIds.has(p.id))
        .map(({ id, name }) => ({ id, name })),
    },
  };
}

function zeroRatings(): Record<Rating, number> {
  return Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
}

const ARTICLE_ORDER: Record<ArticleSort, SQL> = {
  open: sql`p.open desc`,
  pending: sql`p.pending desc`,
  approved: sql`p.approved desc`,
  claims: sql`p.claims desc`,
  title: sql`lower(a.title) asc`,
};

/** The top of the period's articles in the chosen order; only those 25 are joined for titles. */
async function listArticleProgress(
  db: Executor,
  f: DashboardFilters,
  sort: ArticleSort,
  options: SourceOptions,
): Promise<ArticleRow[]> {
  const order = sql`${ARTICLE_ORDER[sort]}, p.created_at desc, p.article_id desc`;
  const progress = articleProgress(f, options);
  const query =
    sort === "title"
      ? sql`select p.article_id as id, a.title, a.outlet, p.claims, p.approved, p.pending, p.open
          from (${progress}) p join articles a on a.id = p.article_id
          where p.claims > 0 order by ${order} limit ${ARTICLE_LIMIT}`
      : sql`select p.article_id as id, a.title, a.outlet, p.claims, p.approved, p.pending, p.open
          from (select * from (${progress}) p where p.claims > 0 order by ${order}
                limit ${ARTICLE_LIMIT}) p
          join articles a on a.id = p.article_id
          order by ${order}`;
  return queryRows<ArticleRow>(db, query);
}

async function listOldestUnfinished(db: Executor, f: DashboardFilters): Promise<OldClaim[]> {
  const conditions = claimConditions(f);
  const rows = await queryRows<Omit<OldClaim, "createdAt"> & { createdAt: string | Date }>(
    db,
    sql`select c.id, c.article_id as "articleId", a.title as "articleTitle", c.text,
        c.status, c.created_at as "createdAt", u.name as "assigneeName"
      from claims c join articles a on a.id = c.article_id
      left join users u on u.id = c.assignee_id
      where c.status in ('open', 'in_review', 'pending_approval')
        and c.created_at >= ${utc(f.period.from)} and c.created_at < ${utc(f.period.end)}
        ${conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``}
      order by c.created_at, c.id
      limit ${OLDEST_LIMIT}`,
  );
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
}
