import { type SQL, sql } from "drizzle-orm";
import type { ClaimKindName, Rating } from "@/db/schema/constants";
import type { Period } from "./period";

export interface DashboardFilters {
  period: Period;
  outlet?: string;
  reviewer?: string;
  kind?: ClaimKindName;
  rating?: Rating;
}

export interface SourceOptions {
  /** Count from the claims themselves even where a summary slice would do (tests compare both). */
  base?: boolean;
}

/** Midnight UTC of a YYYY-MM-DD date, as timestamptz. */
export const utc = (date: string) => sql`((${date})::date::timestamp at time zone 'UTC')`;

type Slice = { dim: string; key: string } | null;

/** The one summary slice that answers these filters, or null when more than one would be needed. */
function slice(candidates: [string, string | undefined][]): Slice {
  const set = candidates.filter((c): c is [string, string] => c[1] !== undefined);
  if (set.length > 1) return null;
  const [only] = set;
  return only ? { dim: only[0], key: only[1] } : { dim: "all", key: "" };
}

const and = (parts: (SQL | false | undefined)[]) =>
  sql.join(
    parts.filter((p): p is SQL => Boolean(p)),
    sql` and `,
  );

/**
 * Claims imported in the period: (week, reviewer, status, rating, n), where rating is the approved
 * rating of an approved claim and "" otherwise. Answers funnel and per-reviewer workload.
 */
export function claimWeeks(f: DashboardFilters, o: SourceOptions = {}): SQL {
  const s = o.base
    ? null
    : slice([
        ["outlet", f.outlet],
        ["kind", f.kind],
      ]);
  if (s) {
    return sql`select week, reviewer, status, rating, n from dashboard_claim_weeks
      where ${and([
        sql`dim = ${s.dim} and key = ${s.key}`,
        sql`week >= ${f.period.from}::date and week < ${f.period.end}::date`,
        f.reviewer !== undefined && sql`reviewer = ${f.reviewer}`,
        f.rating !== undefined && sql`rating = ${f.rating}`,
      ])}`;
  }
  return sql`select dash_week(c.created_at) as week, coalesce(c.assignee_id::text, '') as reviewer,
      c.status::text as status,
      case when c.status = 'approved' then coalesce(c.rating::text, '') else '' end as rating,
      1 as n
    from claims c join articles a on a.id = c.article_id
    where ${and([
      sql`c.created_at >= ${utc(f.period.from)} and c.created_at < ${utc(f.period.end)}`,
      ...claimConditions(f),
    ])}`;
}

/** Conditions on `c` (claims) and `a` (articles) for the filters other than the period. */
export function claimConditions(f: Omit<DashboardFilters, "period">): SQL[] {
  const parts: SQL[] = [];
  if (f.outlet !== undefined) parts.push(sql`a.outlet = ${f.outlet}`);
  if (f.kind !== undefined) parts.push(sql`c.kind = ${f.kind}`);
  if (f.reviewer !== undefined) parts.push(sql`c.assignee_id = ${f.reviewer}`);
  if (f.rating !== undefined) parts.push(sql`c.status = 'approved' and c.rating = ${f.rating}`);
  return parts;
}

/** Claims approved in the period: (week, rating, bucket, n), week and bucket as the triggers count. */
export function approvalWeeks(f: DashboardFilters, o: SourceOptions = {}): SQL {
  const s = o.base
    ? null
    : slice([
        ["outlet", f.outlet],
        ["kind", f.kind],
        ["reviewer", f.reviewer],
      ]);
  if (s) {
    return sql`select week, rating, bucket, n from dashboard_approval_weeks
      where ${and([
        sql`dim = ${s.dim} and key = ${s.key}`,
        sql`week >= ${f.period.from}::date and week < ${f.period.end}::date`,
        f.rating !== undefined && sql`rating = ${f.rating}`,
      ])}`;
  }
  return sql`select dash_week(c.approved_at) as week, coalesce(c.rating::text, '') as rating,
      dash_bucket(extract(epoch from c.approved_at - c.created_at)::float8 / 3600) as bucket, 1 as n
    from claims c join articles a on a.id = c.article_id
    where ${and([
      sql`c.status = 'approved'`,
      sql`c.approved_at >= ${utc(f.period.from)} and c.approved_at < ${utc(f.period.end)}`,
      ...claimConditions(f),
    ])}`;
}

/**
 * Verdict events in the period: (week, proposer, event, n) with event proposed, approved or
 * returned. The reviewer filter means the proposer here; the rating filter the verdict's rating.
 */
export function verdictWeeks(f: DashboardFilters, o: SourceOptions = {}): SQL {
  const s = o.base
    ? null
    : slice([
        ["outlet", f.outlet],
        ["kind", f.kind],
        ["rating", f.rating],
      ]);
  if (s) {
    return sql`select week, proposer, event, n from dashboard_verdict_weeks
      where ${and([
        sql`dim = ${s.dim} and key = ${s.key}`,
        sql`week >= ${f.period.from}::date and week < ${f.period.end}::date`,
        f.reviewer !== undefined && sql`proposer = ${f.reviewer}`,
      ])}`;
  }
  return sql`select e.week, coalesce(v.proposed_by::text, '') as proposer, e.event, 1 as n
    from verdicts v join claims c on c.id = v.claim_id join articles a on a.id = c.article_id
    cross join lateral (
      select 'proposed', dash_week(v.created_at)
      union all select 'approved', dash_week(v.approved_at) where v.approved_at is not null
      union all select 'returned', dash_week(v.returned_at) where v.returned_at is not null
    ) as e(event, week)
    where ${and([
      sql`e.week >= ${f.period.from}::date and e.week < ${f.period.end}::date`,
      f.outlet !== undefined && sql`a.outlet = ${f.outlet}`,
      f.kind !== undefined && sql`c.kind = ${f.kind}`,
      f.rating !== undefined && sql`v.rating = ${f.rating}`,
      f.reviewer !== undefined && sql`v.proposed_by = ${f.reviewer}`,
    ])}`;
}

/**
 * Progress of the articles imported in the period, one row each: (article_id, created_at, claims,
 * approved, pending, open), open meaning open or in review. The outlet filter is the article's;
 * kind, reviewer and rating narrow the claims counted.
 */
export function articleProgress(f: DashboardFilters, o: SourceOptions = {}): SQL {
  const s = o.base
    ? null
    : slice([
        ["kind", f.kind],
        ["reviewer", f.reviewer],
      ]);
  if (s) {
    // With a rating filter only approved claims of that rating count, as everywhere else.
    const rated = f.rating ? sql.raw(`r.approved_${f.rating}`) : null;
    const counts = rated
      ? sql`${rated} as claims, ${rated} as approved, 0 as pending, 0 as open`
      : sql`r.open + r.in_review + r.pending + r.approved + r.dismissed as claims,
          r.approved, r.pending, r.open + r.in_review as open`;
    return sql`select r.article_id, r.created_at, ${counts}
      from dashboard_article_counts r
      where ${and([
        sql`r.dim = ${s.dim} and r.key = ${s.key}`,
        sql`r.created_at >= ${utc(f.period.from)} and r.created_at < ${utc(f.period.end)}`,
        f.outlet !== undefined && sql`r.outlet = ${f.outlet}`,
      ])}`;
  }
  return sql`select c.article_id, a.created_at, count(*)::int as claims,
      count(*) filter (where c.status = 'approved')::int as approved,
      count(*) filter (where c.status = 'pending_approval')::int as pending,
      count(*) filter (where c.status in ('open', 'in_review'))::int as open
    from claims c join articles a on a.id = c.article_id
    where ${and([
      sql`a.created_at >= ${utc(f.period.from)} and a.created_at < ${utc(f.period.end)}`,
      ...claimConditions(f),
    ])}
    group by c.article_id, a.created_at`;
}
