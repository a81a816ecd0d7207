import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { ForbiddenError } from "@/lib/errors";
import { getFilterOptions } from "@/lib/services/dashboard/filter-options";
import { type Dashboard, getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { bucketOf, formatBucket } from "@/lib/services/dashboard/percentiles";
import { dataVersion } from "@/lib/services/data-version";
import { ctxFor, makeUser } from "../factories";
import { buildDesk, PERIOD } from "./dashboard-fixture";
import { useTestDatabase } from "./test-db";

describe("dashboard figures on a hand-built desk", () => {
  const db = useTestDatabase();
  let desk: Awaited<ReturnType<typeof buildDesk>>;
  const dashboard = (filters: Record<string, string> = {}, base = false) =>
    getDashboard(ctxFor(db.current.db, desk.users.editor), { ...PERIOD, ...filters }, { base });

  beforeAll(async () => {
    desk = await buildDesk(db.current.db);
  });

  const ratings = (d: Dashboard) =>
    Object.fromEntries(d.distribution.filter((r) => r.count > 0).map((r) => [r.rating, r.count]));

  it("counts the workflow funnel of claims imported in the period (the reopened claim is in review)", async () => {
    const d = await dashboard();
    expect(d.funnel).toEqual({
      open: 2,
      in_review: 2,
      pending_approval: 1,
      approved: 4,
      dismissed: 1,
    });
    expect(d.claimsTotal).toBe(10);
    expect(d.filters.period.weeks).toEqual(["2026-01-05", "2026-01-12", "2026-01-19"]);
  });

  it("counts verdicts approved in the period with their shares, not the reopened one", async () => {
    const d = await dashboard();
    expect(ratings(d)).toEqual({ false: 2, true: 2, mostly_false: 1 });
    expect(d.approvedTotal).toBe(5);
    expect(d.distribution.find((r) => r.rating === "false")?.share).toBeCloseTo(0.4);
    expect(d.distribution.find((r) => r.rating === "mostly_false")?.share).toBeCloseTo(0.2);
  });

  it("stacks verdicts per week of approval", async () => {
    const d = await dashboard();
    const weeks = d.verdictsOverTime.map((w) => ({
      week: w.week,
      total: w.total,
      false: w.counts.false,
      true: w.counts.true,
      mostly_false: w.counts.mostly_false,
    }));
    expect(weeks).toEqual([
      { week: "2026-01-05", total: 3, false: 1, true: 2, mostly_false: 0 },
      { week: "2026-01-12", total: 1, false: 1, true: 0, mostly_false: 0 },
      { week: "2026-01-19", total: 1, false: 0, true: 0, mostly_false: 1 },
    ]);
  });

  it("gives median and 90th percentile time from import to approval, per week and overall", async () => {
    const d = await dashboard();
    const shown = d.timeToVerdict.weeks.map((w) => [
      w.week,
      w.approved,
      formatBucket(w.median),
      formatBucket(w.p90),
    ]);
    expect(shown).toEqual([
      ["2026-01-05", 3, "≤ 2 d", "≤ 21 d"],
      ["2026-01-12", 1, "≤ 24 h", "≤ 24 h"],
      ["2026-01-19", 1, "≤ 7 d", "≤ 7 d"],
    ]);
    expect(d.timeToVerdict.overall.approved).toBe(5);
    expect(formatBucket(d.timeToVerdict.overall.median)).toBe("≤ 2 d");
    expect(formatBucket(d.timeToVerdict.overall.p90)).toBe("≤ 21 d");
  });

  it("shows each reviewer's workload and throughput, including a reviewer with no work", async () => {
    const d = await dashboard();
    const byName = Object.fromEntries(
      d.reviewers.map((r) => [
        r.name,
        [r.assignedOpen, r.proposed, r.approved, r.returned, r.returnedShare],
      ]),
    );
    expect(byName).toEqual({
      "Ann Reviewer": [2, 5, 4, 1, 0.2],
      "Bob Reviewer": [1, 2, 2, 0, 0],
      "Cy Idle": [0, 0, 0, 0, null],
    });
  });

  it("lists per-article progress for articles imported in the period, sortable", async () => {
    const byOpen = await dashboard();
    expect(byOpen.articles.map((a) => [a.title, a.claims, a.approved, a.pending, a.open])).toEqual([
      ["Planet piece", 7, 2, 1, 3],
      ["Bugle piece", 3, 2, 0, 1],
    ]);
    const byTitle = await dashboard({ articleSort: "title" });
    expect(byTitle.articles.map((a) => a.title)).toEqual(["Bugle piece", "Planet piece"]);
    const byApproved = await dashboard({ articleSort: "approved" });
    // A tie on approved falls back to the newest article first.
    expect(byApproved.articles.map((a) => a.title)).toEqual(["Bugle piece", "Planet piece"]);
  });

  it("lists the oldest open or pending claims of the period with their assignee", async () => {
    const d = await dashboard();
    expect(d.oldest.map((c) => [c.id, c.status, c.assigneeName])).toEqual([
      [desk.claims.c3.id, "pending_approval", "Bob Reviewer"],
      [desk.claims.c4.id, "in_review", "Ann Reviewer"],
      [desk.claims.c5.id, "open", null],
      [desk.claims.c7.id, "in_review", "Ann Reviewer"],
      [desk.claims.c9.id, "open", "Bob Reviewer"],
    ]);
    // Without a period filter of its own the oldest claim of all (A3's, December) appears.
    const wide = await dashboard({ from: "2025-12-01" });
    expect(wide.oldest[0]?.id).toBe(desk.claims.c11.id);
  });

  it("shows zeros and empty lists for a period with no work", async () => {
    const d = await dashboard({ from: "2025-06-02", to: "2025-06-15" });
    expect(d.claimsTotal).toBe(0);
    expect(d.approvedTotal).toBe(0);
    expect(d.distribution.every((r) => r.count === 0 && r.share === 0)).toBe(true);
    expect(d.verdictsOverTime.map((w) => w.total)).toEqual([0, 0]);
    expect(d.timeToVerdict.overall.median).toBeNull();
    expect(d.articles).toEqual([]);
    expect(d.oldest).toEqual([]);
    expect(d.reviewers.map((r) => [r.name, r.assignedOpen, r.proposed])).toEqual([
      ["Ann Reviewer", 0, 0],
      ["Bob Reviewer", 0, 0],
      ["Cy Idle", 0, 0],
    ]);
  });

  it("applies each filter", async () => {
    const planet = await dashboard({ outlet: "Daily Planet" });
    expect(planet.funnel).toEqual({
      open: 1,
      in_review: 2,
      pending_approval: 1,
      approved: 2,
      dismissed: 1,
    });
    expect(ratings(planet)).toEqual({ false: 1, true: 2 });
    expect(planet.articles.map((a) => a.title)).toEqual(["Planet piece"]);

    const quantity = await dashboard({ kind: "quantity" });
    expect(quantity.claimsTotal).toBe(3);
    expect(quantity.funnel.approved).toBe(3);
    expect(quantity.reviewers.find((r) => r.name === "Ann Reviewer")?.proposed).toBe(3);

    const ann = await dashboard({ reviewer: desk.users.r1.id });
    expect(ann.funnel).toMatchObject({ approved: 3, in_review: 2, open: 0 });
    expect(ann.reviewers.map((r) => r.name)).toEqual(["Ann Reviewer"]);
    expect(ann.oldest.map((c) => c.id)).toEqual([desk.claims.c4.id, desk.claims.c7.id]);

    const falseOnly = await dashboard({ rating: "false" });
    expect(falseOnly.funnel).toMatchObject({ approved: 2, open: 0, in_review: 0 });
    expect(ratings(falseOnly)).toEqual({ false: 2 });
    expect(falseOnly.oldest).toEqual([]);
  });

  it("combines filters", async () => {
    const both = await dashboard({ outlet: "Daily Planet", kind: "quantity" });
    expect(both.funnel).toMatchObject({ approved: 2, open: 0, in_review: 0 });
    expect(ratings(both)).toEqual({ false: 1, true: 1 });
    const three = await dashboard({ outlet: "Daily Planet", kind: "quantity", rating: "true" });
    expect(three.claimsTotal).toBe(1);
    const annQuotes = await dashboard({ reviewer: desk.users.r1.id, kind: "quote" });
    expect(annQuotes.funnel).toMatchObject({ in_review: 1, approved: 0 });
    expect(annQuotes.articles.map((a) => [a.title, a.claims, a.open])).toEqual([
      ["Planet piece", 1, 1],
    ]);
    const nothing = await dashboard({ outlet: "The Bugle", kind: "quote" });
    expect(nothing.claimsTotal).toBe(0);
  });

  it("answers the same from the summary tables as from the claims themselves, for every filter combination", async () => {
    const options: Record<string, (string | undefined)[]> = {
      outlet: [undefined, "Daily Planet", "The Bugle"],
      kind: [undefined, "quantity", "statement"],
      reviewer: [undefined, desk.users.r1.id, desk.users.r3.id],
      rating: [undefined, "false", "true"],
    };
    const combos: Record<string, string>[] = [{}];
    for (const [name, values] of Object.entries(options)) {
      const next: Record<string, string>[] = [];
      for (const combo of combos) {
        for (const value of values) next.push(value ? { ...combo, [name]: value } : combo);
      }
      combos.splice(0, combos.length, ...next);
    }
    for (const combo of combos) {
      const [fast, slow] = await Promise.all([dashboard(combo), dashboard(combo, true)]);
      expect(fast, JSON.stringify(combo)).toEqual(slow);
    }
  });

  it("is refused to reviewers", async () => {
    // A reviewer of the desk: a new one would join the reviewer table the other tests check.
    await expect(getDashboard(ctxFor(db.current.db, desk.users.r1), PERIOD)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("dashboard summary tables under change", () => {
  // Its own desk: this test moves, retypes and deletes claims.
  const db = useTestDatabase();

  it("keeps the summary tables equal to a recount after inserts, updates and deletes", async () => {
    const d = db.current.db;
    const desk = await buildDesk(d);
    const snapshot = async () =>
      queryRows<{ t: string }>(
        d,
        sql`select t from (
          select 'c' || dim || key || week || reviewer || status || rating || n as t from dashboard_claim_weeks where n <> 0
          union all select 'a' || dim || key || week || rating || bucket || n from dashboard_approval_weeks where n <> 0
          union all select 'v' || dim || key || week || proposer || event || n from dashboard_verdict_weeks where n <> 0
          union all select 'r' || (r.*)::text from dashboard_article_counts r where open + in_review + pending + approved + dismissed <> 0
        ) s order by t`,
      );
    // Move things around the way the workflow would, then compare with a recount.
    await d.execute(sql`update articles set outlet = 'Renamed' where id = ${desk.articles.a2.id}`);
    await d.execute(sql`update claims set kind = 'event' where id = ${desk.claims.c8.id}`);
    await d.execute(sql`delete from claims where id = ${desk.claims.c6.id}`);
    const kept = await snapshot();
    await d.execute(sql`select dash_rebuild()`);
    expect(await snapshot()).toEqual(kept);
    expect(kept.length).toBeGreaterThan(20);
  });
});

describe("dashboard reuse while the data is unchanged", () => {
  const db = useTestDatabase();

  it("serves the computed figures again until a change commits, then recomputes", async () => {
    const desk = await buildDesk(db.current.db);
    const other = await makeUser(db.current.db, { role: "editor" });
    const ctx = ctxFor(db.current.db, desk.users.editor);
    const first = await getDashboard(ctx, PERIOD);
    expect(await getDashboard(ctx, PERIOD)).toBe(first);
    // It holds nothing personal, so another editor is served the same figures.
    const second = await getDashboard(ctxFor(db.current.db, other), PERIOD);
    expect(second).toBe(first);
    const before = await dataVersion(db.current.db);

    await db.current.db.transaction(async (tx) => {
      await tx.execute(
        sql`update articles set title = 'Retitled piece' where id = ${desk.articles.a1.id}`,
      );
      await tx.execute(sql`delete from claims where id = ${desk.claims.c2.id}`);
      // Raised at commit, once: inside the transaction the version is still the old one.
      expect(await dataVersion(tx)).toBe(before);
    });
    expect(Number(await dataVersion(db.current.db))).toBe(Number(before) + 1);

    const after = await getDashboard(ctx, PERIOD);
    expect(after).not.toBe(first);
    expect(after.claimsTotal).toBe(first.claimsTotal - 1);
    expect(after.articles.map((a) => a.title)).toContain("Retitled piece");
    // Other filters are computed afresh too, and then reused.
    const byKind = await getDashboard(ctx, { ...PERIOD, kind: "quantity" });
    expect(await getDashboard(ctx, { ...PERIOD, kind: "quantity" })).toBe(byKind);
  });

  it("computes the figures once for requests that arrive together, and afresh after a change", async () => {
    const desk = await buildDesk(db.current.db);
    const editor = ctxFor(db.current.db, desk.users.editor);
    const admin = ctxFor(db.current.db, await makeUser(db.current.db, { role: "admin" }));
    const filters = { ...PERIOD, kind: "date" };
    const together = await Promise.all([
      getDashboard(editor, filters),
      getDashboard(admin, filters),
      getDashboard(editor, filters),
    ]);
    expect(together[1]).toBe(together[0]);
    expect(together[2]).toBe(together[0]);

    await db.current.db.execute(sql`delete from claims where id = ${desk.claims.c2.id}`);
    const [again] = await Promise.all([
      getDashboard(editor, filters),
      getDashboard(admin, filters),
    ]);
    expect(again).not.toBe(together[0]);
    // A reviewer joining the same filters is still refused: the check runs before the cache.
    await expect(
      getDashboard(ctxFor(db.current.db, desk.users.r1), filters),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("takes a page's version read at its start: reused while current, never stored when stale", async () => {
    const desk = await buildDesk(db.current.db);
    const editor = ctxFor(db.current.db, desk.users.editor);
    const filters = { ...PERIOD, kind: "quantity" };
    const start = await dataVersion(db.current.db);
    const page = { ...editor, dataVersion: start };
    const first = await getDashboard(page, filters);
    expect(await getDashboard(page, filters)).toBe(first);
    expect(await getDashboard(editor, filters)).toBe(first);

    // A change commits while a page that began before it is still rendering: that page may be
    // served the figures of its start, and what it computes afresh is not kept under the old version.
    await db.current.db.execute(sql`delete from claims where id = ${desk.claims.c1.id}`);
    const fresh = await getDashboard(editor, filters);
    expect(fresh).not.toBe(first);
    expect(fresh.claimsTotal).toBe(first.claimsTotal - 1);
    const late = await getDashboard(page, { ...PERIOD, kind: "date" });
    const next = { ...editor, dataVersion: await dataVersion(db.current.db) };
    expect(await getDashboard(next, { ...PERIOD, kind: "date" })).not.toBe(late);
    expect(await getDashboard(next, filters)).toBe(fresh);
  });
});

describe("filter choices", () => {
  const db = useTestDatabase();

  it("are reused until a change commits, then show a new outlet and a disabled reviewer at once", async () => {
    const desk = await buildDesk(db.current.db);
    const ctx = ctxFor(db.current.db, desk.users.editor);
    const first = await getFilterOptions(ctx);
    expect(first.outlets).toContain("Daily Planet");
    expect(first.reviewers.map((r) => r.id)).toContain(desk.users.r1.id);
    expect(await getFilterOptions(ctx)).toBe(first);

    await db.current.db.execute(
      sql`update articles set outlet = 'Evening Courier' where id = ${desk.articles.a1.id}`,
    );
    await db.current.db.execute(
      sql`update users set disabled_at = now() where id = ${desk.users.r1.id}`,
    );
    const after = await getFilterOptions(ctx);
    expect(after.outlets).toContain("Evening Courier");
    expect(after.reviewers.map((r) => r.id)).not.toContain(desk.users.r1.id);
    await expect(getFilterOptions(ctxFor(db.current.db, desk.users.r2))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("time-to-verdict buckets in SQL", () => {
  const db = useTestDatabase();

  it("match the TypeScript buckets the page labels them with", async () => {
    const hours = [
      0, 0.5, 1, 1.5, 2, 7.9, 8, 23, 24, 24.1, 47, 48, 100, 168, 169, 720, 4320, 4321, 9999,
    ];
    const rows = await queryRows<{ bucket: number }>(
      db.current.db,
      sql`select dash_bucket(h) as bucket from unnest(${`{${hours.join(",")}}`}::float8[]) with ordinality as t(h, i) order by i`,
    );
    expect(rows.map((r) => Number(r.bucket))).toEqual(hours.map(bucketOf));
  });
});
