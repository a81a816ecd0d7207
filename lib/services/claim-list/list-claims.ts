import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Executor, queryRows } from "@/db/client";
import type { ClaimKindName, ClaimStatus, Rating } from "@/db/schema/constants";
import { requirePermission } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/services/context";
import { addDays } from "@/lib/services/dashboard/period";
import { claimConditions, utc } from "@/lib/services/dashboard/sources";
import { cachedByVersion } from "@/lib/services/data-version";
import { type ClaimListInput, type ClaimSort, claimListSchema } from "@/lib/validation/dashboard";
import { isUuid } from "@/lib/validation/ids";
import { parseInput } from "@/lib/validation/parse";

export interface ClaimListRow {
  id: string;
  articleId: string;
  articleTitle: string;
  outlet: string | null;
  text: string;
  kind: ClaimKindName;
  score: number;
  status: ClaimStatus;
  rating: Rating | null;
  assigneeName: string | null;
  createdAt: Date;
  approvedAt: Date | null;
  /** When the claim is to be checked again (yyyy-mm-dd), for the CSV export. */
  recheckOn: string | null;
}

interface RawRow extends Omit<ClaimListRow, "createdAt" | "approvedAt"> {
  createdAt: string | Date;
  approvedAt: string | Date | null;
  /**
   * The claim's and the article's import times to the microsecond, for the cursors: a Date keeps
   * milliseconds only, and the claims of one import share one time, so a cursor cut to the
   * millisecond came before all of them and the next page began with the same rows again.
   */
  createdKey: string;
  articleCreatedKey: string;
  start: number;
}

/** Each order with its keyset columns; the cursor holds the last row's values of them. */
interface Order {
  order: SQL;
  /** What each value of the cursor is, checked before it reaches a cast in the query. */
  shape: CursorValue[];
  key: (r: RawRow) => unknown[];
  after: (k: unknown[]) => SQL;
}

const ORDERS: Record<ClaimSort, Order> = {
  oldest: {
    order: sql`c.created_at asc, c.id asc`,
    shape: ["time", "uuid"],
    key: (r) => [r.createdKey, r.id],
    after: ([at, id]) => sql`(c.created_at, c.id) > (${at}::timestamptz, ${id}::uuid)`,
  },
  newest: {
    order: sql`c.created_at desc, c.id desc`,
    shape: ["time", "uuid"],
    key: (r) => [r.createdKey, r.id],
    after: ([at, id]) => sql`(c.created_at, c.id) < (${at}::timestamptz, ${id}::uuid)`,
  },
  score: {
    order: sql`c.score desc, c.id desc`,
    shape: ["number", "uuid"],
    key: (r) => [r.score, r.id],
    after: ([score, id]) => sql`(c.score, c.id) < (${score}::real, ${id}::uuid)`,
  },
  // Newest article first, its claims in reading order.
  article: {
    // "nulls last" (the columns are never null) so the order is the index's, read without a sort.
    order: sql`a.created_at desc nulls last, a.id desc nulls last, c.start asc, c.id asc`,
    shape: ["time", "uuid", "int", "uuid"],
    key: (r) => [r.articleCreatedKey, r.articleId, r.start, r.id],
    after: ([at, articleId, start, id]) =>
      sql`((a.created_at, a.id) < (${at}::timestamptz, ${articleId}::uuid)
        or ((a.created_at, a.id) = (${at}::timestamptz, ${articleId}::uuid)
          and (c.start, c.id) > (${start}::int, ${id}::uuid)))`,
  },
};

/** A timestamp as ISO 8601 in UTC with all six fractional digits. */
function microseconds(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

type CursorValue = "time" | "uuid" | "number" | "int";

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function isCursorValue(value: unknown, kind: CursorValue): boolean {
  switch (kind) {
    case "time":
      return typeof value === "string" && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
    case "uuid":
      return isUuid(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "int":
      return Number.isSafeInteger(value);
  }
}

/** The cursor's values, or null (the first page) when it is not one this order made. */
function decodeCursor(cursor: string | undefined, shape: CursorValue[]): unknown[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(values) || values.length !== shape.length) return null;
    return shape.every((kind, i) => isCursorValue(values[i], kind)) ? values : null;
  } catch {
    return null;
  }
}

/** Every condition of the list, the period applied to the date the basis names. */
export function claimListConditions(input: ClaimListInput): SQL[] {
  const parts: SQL[] = [];
  const from = input.from ? utc(input.from) : null;
  const end = input.to ? utc(addDays(input.to, 1)) : null;
  const within = (column: SQL) => [
    ...(from ? [sql`${column} >= ${from}`] : []),
    ...(end ? [sql`${column} < ${end}`] : []),
  ];
  const verdictEvent = {
    proposed: sql`v.created_at`,
    verdict_approved: sql`v.approved_at`,
    returned: sql`v.returned_at`,
  } as const;
  if (input.basis === "imported") parts.push(...within(sql`c.created_at`));
  if (input.basis === "approved") {
    parts.push(sql`c.status = 'approved'`, ...within(sql`c.approved_at`));
  }
  if (input.basis in verdictEvent || input.proposer) {
    // The verdict filters (proposer, event date, rating) all apply to the same verdict.
    const event = verdictEvent[input.basis as keyof typeof verdictEvent] ?? sql`v.created_at`;
    const onVerdict = [
      sql`v.claim_id = c.id`,
      sql`${event} is not null`,
      ...(input.basis in verdictEvent ? within(event) : []),
      ...(input.proposer ? [sql`v.proposed_by = ${input.proposer}`] : []),
      ...(input.rating ? [sql`v.rating = ${input.rating}`] : []),
    ];
    parts.push(sql`exists (select 1 from verdicts v where ${sql.join(onVerdict, sql` and `)})`);
  }
  const verdictRating = input.basis in verdictEvent || input.proposer;
  parts.push(...claimConditions({ ...input, rating: verdictRating ? undefined : input.rating }));
  if (input.status?.length) {
    parts.push(
      sql`c.status in (${sql.join(
        input.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  }
  if (input.article) parts.push(sql`c.article_id = ${input.article}`);
  return parts;
}

/** The longest verdict-date period whose claims are gathered before they are sorted (see below). */
const FENCED_DAYS = 31;

export async function queryClaimPage(
  db: Executor,
  input: ClaimListInput,
): Promise<{ rows: ClaimListRow[]; next: string | null }> {
  const order = ORDERS[input.sort];
  const conditions = claimListConditions(input);
  const cursor = decodeCursor(input.after, order.shape);
  if (cursor) conditions.push(order.after(cursor));
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  // A short period on a verdict date (a dashboard week, say) matches few claims, but the planner
  // takes them to be spread evenly in import or score order and walks that whole order to find a
  // page. Those few are cheaper found first (by the date's index; "offset 0" keeps that step planned
  // on its own), then sorted and cut to the page before articles and assignees are joined. The
  // gathering reads only the sort keys, which an approval-date period finds in its index alone
  // (claims_approved_at_idx); whole rows are read for the page only.
  const fenced =
    input.sort !== "article" &&
    input.basis !== "imported" &&
    input.from !== undefined &&
    input.to !== undefined &&
    Date.parse(input.to) - Date.parse(input.from) <= FENCED_DAYS * 86_400_000;
  const from =
    input.sort === "article"
      ? sql`${articlesInOrder(input)} join claims c on c.article_id = a.id`
      : fenced
        ? sql`(select c.* from claims c join (select c.id from (select c.id, c.created_at, c.score
              from claims c
              ${input.outlet !== undefined ? sql`join articles a on a.id = c.article_id` : sql``}
              ${where} offset 0) c order by ${order.order} limit ${input.limit + 1}) page
              on page.id = c.id) c
            join articles a on a.id = c.article_id`
        : sql`articles a join claims c on c.article_id = a.id`;
  const rows = await queryRows<RawRow>(
    db,
    sql`select c.id, c.article_id as "articleId", a.title as "articleTitle", a.outlet,
        c.text, c.kind, c.score, c.status, c.rating, u.name as "assigneeName",
        c.created_at as "createdAt", c.approved_at as "approvedAt",
        c.recheck_on::text as "recheckOn",
        ${microseconds(sql`c.created_at`)} as "createdKey",
        ${microseconds(sql`a.created_at`)} as "articleCreatedKey", c.start
      from ${from}
      left join users u on u.id = c.assignee_id
      ${fenced ? sql`` : where}
      order by ${order.order}
      limit ${input.limit + 1}`,
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ createdKey: _c, articleCreatedKey: _a, start: _s, ...row }) => ({
      ...row,
      score: Number(row.score),
      createdAt: new Date(row.createdAt),
      approvedAt: row.approvedAt ? new Date(row.approvedAt) : null,
    })),
    next: rows.length > input.limit && last ? encodeCursor(order.key(last)) : null,
  };
}

/**
 * The articles newest first, as a subquery whose order the planner keeps (the LIMIT is never
 * reached; it pins the order), so the article order runs as a nested loop with an incremental
 * sort that stops after one page instead of sorting a million joined rows. A claim is never
 * imported, approved or given a verdict before its article was imported, so a period's end bounds
 * the articles too.
 */
function articlesInOrder(input: ClaimListInput): SQL {
  const bound = input.to ? sql`where created_at < ${utc(addDays(input.to, 1))}` : sql``;
  return sql`(select id, title, outlet, created_at from articles ${bound}
    order by created_at desc nulls last, id desc nulls last limit 1000000000) a`;
}

/**
 * One page of the filtered claim list, in keyset order. A page is the same for every editor, so it
 * is reused while the data version is unchanged, like the dashboard (data-version.ts): any
 * change to claims, verdicts, articles or users shows on the next load.
 */
export async function listClaims(ctx: Ctx, input: z.input<typeof claimListSchema>) {
  requirePermission(ctx.actor, "dashboard.view");
  const parsed = parseInput(claimListSchema, input);
  return cachedByVersion(
    ctx.db,
    JSON.stringify(["claims", parsed]),
    () => queryClaimPage(ctx.db, parsed),
    ctx.dataVersion,
  );
}
