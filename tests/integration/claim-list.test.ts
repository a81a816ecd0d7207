import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { EXPORT_HEADER, exportClaimsCsv } from "@/lib/services/claim-list/export-claims";
import { listClaims } from "@/lib/services/claim-list/list-claims";
import { getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { assignClaim } from "@/lib/services/workflow/assign-claim";
import { CLAIM_SORTS } from "@/lib/validation/dashboard";
import { ctxFor, makeClaim, makeUser } from "../factories";
import { readClaim } from "../factories/workflow";
import { buildDesk, PERIOD } from "./dashboard-fixture";
import { useTestDatabase } from "./test-db";

describe("claim list and CSV export", () => {
  const db = useTestDatabase();
  let desk: Awaited<ReturnType<typeof buildDesk>>;
  const ctx = () => ctxFor(db.current.db, desk.users.editor);
  const ids = async (filters: Record<string, unknown>) =>
    (await listClaims(ctx(), { limit: 1000, ...filters })).rows.map((r) => r.id);

  beforeAll(async () => {
    desk = await buildDesk(db.current.db);
  });

  it("filters by period, outlet, reviewer, kind, rating and status, and combines them", async () => {
    const c = desk.claims;
    expect(await ids({ ...PERIOD })).toHaveLength(10);
    expect(await ids({})).toHaveLength(12);
    expect(await ids({ ...PERIOD, outlet: "The Bugle" })).toEqual([c.c8.id, c.c9.id, c.c10.id]);
    expect(await ids({ reviewer: desk.users.r2.id, status: "open,pending_approval" })).toEqual([
      c.c3.id,
      c.c9.id,
    ]);
    expect(await ids({ kind: "quantity", rating: "false" })).toEqual([c.c1.id]);
    // The reopened claim keeps its old rating but is not an approved "false" any more.
    expect(await ids({ rating: "false" })).toEqual([c.c1.id, c.c10.id]);
    expect(await ids({ outlet: "Daily Planet", kind: "statement", ...PERIOD })).toEqual([
      c.c4.id,
      c.c5.id,
      c.c6.id,
    ]);
    expect(await ids({ article: desk.articles.a3.id })).toEqual([c.c11.id, c.c12.id]);
  });

  it("applies the period to approval or to a proposer's verdict events when asked", async () => {
    const c = desk.claims;
    expect(await ids({ ...PERIOD, basis: "approved" })).toEqual(
      [c.c1.id, c.c2.id, c.c8.id, c.c10.id, c.c12.id].sort((a, b) => order(a) - order(b)),
    );
    expect(await ids({ ...PERIOD, basis: "returned", proposer: desk.users.r1.id })).toEqual([
      c.c2.id,
    ]);
    expect(
      await ids({ ...PERIOD, basis: "verdict_approved", proposer: desk.users.r2.id }),
    ).toHaveLength(2);
    function order(id: string) {
      return (
        Object.values(desk.claims).findIndex((claim) => claim.id === id) +
        (id === c.c12.id ? -100 : 0)
      );
    }
  });

  it("lists exactly the claims behind each dashboard number", async () => {
    const filters = { ...PERIOD, outlet: "Daily Planet" };
    const d = await getDashboard(ctx(), filters);
    for (const [status, count] of Object.entries(d.funnel)) {
      expect(
        await ids({ ...d.filters.period, outlet: "Daily Planet", status }),
        status,
      ).toHaveLength(count);
    }
    for (const { rating, count } of d.distribution) {
      expect(
        await ids({ ...d.filters.period, outlet: "Daily Planet", basis: "approved", rating }),
      ).toHaveLength(count);
    }
    for (const article of d.articles) {
      expect(await ids({ article: article.id })).toHaveLength(article.claims);
    }
  });

  it("pages through every order with a keyset cursor and no row twice", async () => {
    for (const sort of CLAIM_SORTS) {
      const all = await ids({ sort });
      const paged: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await listClaims(ctx(), { sort, limit: 5, after });
        paged.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(paged, sort).toEqual(all);
      expect(new Set(paged).size).toBe(12);
    }
    const byScore = (await listClaims(ctx(), { sort: "score", limit: 3 })).rows.map((r) => r.score);
    expect(byScore).toEqual([0.95, 0.9, 0.8].map((s) => expect.closeTo(s, 5)));
  });

  it("pages a short verdict-date period (gathered first, then sorted) like any other list", async () => {
    const short = { ...PERIOD, basis: "approved" };
    for (const sort of ["oldest", "newest", "score"]) {
      const all = await ids({ ...short, sort });
      expect(all, sort).toHaveLength(5);
      const paged: string[] = [];
      let after: string | undefined;
      do {
        const page = await listClaims(ctx(), { ...short, sort, limit: 2, after });
        paged.push(...page.rows.map((r) => r.id));
        after = page.next ?? undefined;
      } while (after);
      expect(paged, sort).toEqual(all);
      // A period too long to gather first is walked in order instead: same claims, same order.
      const wide = await ids({ from: "2025-06-01", to: "2026-06-30", basis: "approved", sort });
      expect(
        wide.filter((id) => all.includes(id)),
        sort,
      ).toEqual(all);
    }
  });

  it("ignores a cursor it did not make", async () => {
    const page = await listClaims(ctx(), { limit: 1000, after: "not-a-cursor" });
    expect(page.rows).toHaveLength(12);
  });

  it("exports the filtered list as CSV that round-trips and neutralises formula cells", async () => {
    const bytes = new Uint8Array(
      await new Response(
        exportClaimsCsv(ctx(), { ...PERIOD, outlet: "Daily Planet" }),
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes);
    expect(text).toContain("\r\n");
    const rows = parse(text.slice(1), { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual([...EXPORT_HEADER]);
    const body = rows.slice(1);
    expect(body).toHaveLength(7);
    const byId = new Map(body.map((r) => [r[0], r]));
    const formula = byId.get(desk.claims.c2.id);
    expect(formula?.[4]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(formula?.[8]).toBe("True");
    expect(byId.get(desk.claims.c5.id)?.[4]).toBe('He said "no", then, later,\nyes');
    expect(byId.get(desk.claims.c1.id)?.[10]).toBe("2026-01-05T10:00:00.000Z");
    // No cell a spreadsheet would run as a formula.
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("exports more rows than one batch, each once", async () => {
    const text = await new Response(exportClaimsCsv(ctx(), {}, { batch: 5 })).text();
    const rows = parse(text) as string[][];
    expect(rows).toHaveLength(13);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(12);
  });

  it("pages through claims imported in the same microsecond, each once, in every order", async () => {
    // One import writes all its claims at one transaction time, with microseconds.
    await db.current.db.execute(
      sql`update claims set created_at = '2026-01-05 10:00:00.123456+00'`,
    );
    const text = await new Response(exportClaimsCsv(ctx(), {}, { batch: 5 })).text();
    const rows = parse(text) as string[][];
    expect(rows).toHaveLength(13);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(12);
    for (const sort of CLAIM_SORTS) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await listClaims(ctx(), { sort, limit: 5, after });
        seen.push(...result.rows.map((r) => r.id));
        if (!result.next) break;
        after = result.next;
      }
      expect(seen, sort).toHaveLength(12);
      expect(new Set(seen).size, sort).toBe(12);
    }
  });

  it("is refused to reviewers", async () => {
    const reviewer = await makeUser(db.current.db, { role: "reviewer" });
    await expect(listClaims(ctxFor(db.current.db, reviewer), {})).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(() => exportClaimsCsv(ctxFor(db.current.db, reviewer), {})).toThrow(ForbiddenError);
  });
});

describe("claim list pages reused between loads", () => {
  const db = useTestDatabase();

  it("are the same page while nothing changes, and show an assignment, a rename and a new claim at once", async () => {
    const desk = await buildDesk(db.current.db);
    const editor = ctxFor(db.current.db, desk.users.editor);
    const filters = { article: desk.articles.a3.id };
    const first = await listClaims(editor, filters);
    expect(await listClaims(editor, filters)).toBe(first);
    expect(await listClaims(editor, { ...filters, sort: "score" })).not.toBe(first);

    const claim = desk.claims.c11;
    const version = (await readClaim(db.current.db, claim.id)).version;
    await assignClaim(editor, { claimId: claim.id, version, assigneeId: desk.users.r2.id });
    const assigned = await listClaims(editor, filters);
    expect(assigned.rows.find((r) => r.id === claim.id)?.assigneeName).toBe(desk.users.r2.name);

    await db.current.db.execute(
      sql`update users set name = 'Renamed Reviewer' where id = ${desk.users.r2.id}`,
    );
    const renamed = await listClaims(editor, filters);
    expect(renamed.rows.find((r) => r.id === claim.id)?.assigneeName).toBe("Renamed Reviewer");

    await makeClaim(db.current.db, desk.articles.a3, { start: 0, end: 5 });
    expect((await listClaims(editor, filters)).rows).toHaveLength(renamed.rows.length + 1);
  });
});
