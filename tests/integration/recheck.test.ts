import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { auditEvents, claims, corrections, verdicts } from "@/db/schema";
import { extractClaims } from "@/lib/claims";
import { addMonths } from "@/lib/claims/recheck";
import { AppError, ValidationError } from "@/lib/errors";
import { importArticle } from "@/lib/services/articles/import-article";
import { exportClaimsCsv } from "@/lib/services/claim-list/export-claims";
import { setRecheck } from "@/lib/services/claims/set-recheck";
import { getDashboard } from "@/lib/services/dashboard/get-dashboard";
import { queryDueRechecks } from "@/lib/services/queue/due-rechecks";
import { getMyQueue } from "@/lib/services/queue/get-queue";
import { getPublishedReport } from "@/lib/services/reports/get-published-report";
import { getReport } from "@/lib/services/reports/get-report";
import { publishReport } from "@/lib/services/reports/publish-report";
import { getClaimDetail } from "@/lib/services/workflow/get-claim-detail";
import { reopenClaim } from "@/lib/services/workflow/reopen-claim";
import { ctxFor, makeArticle, makeClaim, makeUser } from "../factories";
import {
  makeApprovedClaim,
  makeReportArticle,
  reapproveClaim,
  setClaimStatus,
} from "../factories/reports";
import { readClaim } from "../factories/workflow";
import { createTestDatabase } from "./test-db";

const BASE = { baseUrl: "https://desk.example" };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * The same tests on both engines: the server's (PostgreSQL, or PGlite where no server answers) and
 * an in-memory PGlite made here, so the due query and the date handling are checked on each.
 */
const ENGINES: { name: string; open: () => Promise<Database> }[] = [
  { name: "the test database", open: () => createTestDatabase() },
  {
    name: "in-memory PGlite",
    open: async () => {
      const database = openDatabase({ dataDir: "memory://" });
      await runMigrations(database.db);
      return database;
    },
  },
];

for (const engine of ENGINES) {
  describe(`re-checks on ${engine.name}`, () => {
    let database: Database;
    let db: Db;
    beforeAll(async () => {
      database = await engine.open();
      db = database.db;
    }, 120_000);
    afterAll(async () => {
      await database?.close();
    });

    /** An approved claim with a re-check date; each test uses its own years, so counts are its own. */
    async function approvedWithRecheck(recheckOn: string | null, status = "approved" as const) {
      const { article, troops, proposer, approver } = await makeReportArticle(db);
      await db.update(claims).set({ recheckOn, status }).where(eq(claims.id, troops.id));
      return { article, claim: await readClaim(db, troops.id), proposer, approver };
    }

    it("lists approved claims on or before today, longest overdue first, with the count", async () => {
      const oldest = await approvedWithRecheck("2001-02-01");
      const today = await approvedWithRecheck("2001-06-30");
      const later = await approvedWithRecheck("2001-07-01");
      const inReview = await approvedWithRecheck("2001-01-15");
      await setClaimStatus(db, inReview.claim.id, "in_review");
      await approvedWithRecheck(null);

      const due = await queryDueRechecks(db, { today: "2001-06-30" });
      expect(due.total).toBe(2);
      expect(due.claims.map((c) => c.claimId)).toEqual([oldest.claim.id, today.claim.id]);
      expect(due.claims[0]).toMatchObject({
        articleId: oldest.article.id,
        recheckOn: "2001-02-01",
        rating: "mostly_true",
        status: "approved",
      });
      const limited = await queryDueRechecks(db, { today: "2001-06-30", limit: 1 });
      expect(limited).toMatchObject({ total: 2, claims: [{ claimId: oldest.claim.id }] });
      expect(
        (await queryDueRechecks(db, { today: "2001-07-01" })).claims.map((c) => c.claimId),
      ).toContain(later.claim.id);
    });

    it("shows them in everyone's queue and on the dashboard, and nothing when none is due", async () => {
      const { claim } = await approvedWithRecheck("2002-03-01");
      const reviewer = ctxFor(db, await makeUser(db, { role: "reviewer" }));
      const editor = ctxFor(db, await makeUser(db, { role: "editor" }));
      const now = new Date("2002-03-01T23:00:00Z");
      const queue = await getMyQueue(reviewer, { now });
      expect(queue.due.claims.map((c) => c.claimId)).toContain(claim.id);
      const dashboard = await getDashboard(editor, {}, { now });
      expect(dashboard.due.claims.map((c) => c.claimId)).toContain(claim.id);
      expect(dashboard.due.total).toBe(queue.due.total);
      // The day before, nothing of this test's is due, and the list is empty, not missing.
      const before = await getMyQueue(reviewer, { now: new Date("2000-01-01T00:00:00Z") });
      expect(before.due).toEqual({ total: 0, claims: [] });
    });

    it("a reviewer or an editor sets and clears the date on an approved claim, versioned and audited", async () => {
      const { claim } = await approvedWithRecheck(null);
      const reviewerUser = await makeUser(db, { role: "reviewer" });
      const reviewer = ctxFor(db, reviewerUser);
      const set = await setRecheck(reviewer, {
        claimId: claim.id,
        version: claim.version,
        recheckOn: "2003-01-31",
        reason: "Ministry figures are revised each quarter",
      });
      expect(set).toMatchObject({
        recheckOn: "2003-01-31",
        recheckReason: "Ministry figures are revised each quarter",
        status: "approved",
        version: claim.version + 1,
      });
      const editor = ctxFor(db, await makeUser(db, { role: "editor" }));
      const cleared = await setRecheck(editor, {
        claimId: claim.id,
        version: set.version,
        recheckOn: "",
        reason: "ignored when clearing",
      });
      expect(cleared).toMatchObject({ recheckOn: null, recheckReason: null });
      const audit = await db
        .select({
          actorId: auditEvents.actorId,
          before: auditEvents.before,
          after: auditEvents.after,
        })
        .from(auditEvents)
        .where(and(eq(auditEvents.claimId, claim.id), eq(auditEvents.action, "claim.recheck")))
        .orderBy(auditEvents.at);
      expect(audit).toEqual([
        {
          actorId: reviewerUser.id,
          before: { recheckOn: null, recheckReason: null },
          after: {
            recheckOn: "2003-01-31",
            recheckReason: "Ministry figures are revised each quarter",
          },
        },
        expect.objectContaining({ after: { recheckOn: null, recheckReason: null } }),
      ]);
      const detail = await getClaimDetail(reviewer, {
        articleId: claim.articleId,
        claimId: claim.id,
      });
      expect(detail.me.canSetRecheck).toBe(true);
      expect(detail.timeline.map((t) => t.summary)).toEqual(
        expect.arrayContaining([
          "set the re-check date to 2003-01-31",
          "cleared the re-check date",
        ]),
      );
    });

    it("accepts a past date, refuses a malformed or impossible one with a message on the field", async () => {
      const { claim } = await approvedWithRecheck(null);
      const editor = ctxFor(db, await makeUser(db, { role: "editor" }));
      const past = await setRecheck(editor, {
        claimId: claim.id,
        version: claim.version,
        recheckOn: "2004-01-01",
      });
      expect(past.recheckOn).toBe("2004-01-01");
      for (const [recheckOn, message] of [
        ["2026-02-30", "That date does not exist."],
        ["31/01/2027", "Enter a date as YYYY-MM-DD."],
        ["1850-01-01", "Use a year between 2000 and 2199."],
      ] as const) {
        const error = await failure(
          setRecheck(editor, { claimId: claim.id, version: past.version, recheckOn }),
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fieldErrors.recheckOn).toEqual([message]);
      }
      expect((await readClaim(db, claim.id)).version).toBe(past.version);
    });

    it("refuses a stale page, a dismissed claim and a reviewer on someone else's claim", async () => {
      const { claim } = await approvedWithRecheck(null);
      const editor = ctxFor(db, await makeUser(db, { role: "editor" }));
      const first = await setRecheck(editor, {
        claimId: claim.id,
        version: claim.version,
        recheckOn: "2005-05-05",
      });
      const stale = await failure(
        setRecheck(editor, { claimId: claim.id, version: claim.version, recheckOn: "2005-06-06" }),
      );
      expect(stale.code).toBe("conflict");
      expect((await readClaim(db, claim.id)).recheckOn).toBe(first.recheckOn);

      const article = await makeArticle(db);
      const dismissed = await makeClaim(db, article, {
        status: "dismissed",
        dismissReason: "opinion",
      });
      const refusedDismissed = await failure(
        setRecheck(editor, { claimId: dismissed.id, version: 1, recheckOn: "2005-05-05" }),
      );
      expect(refusedDismissed).toMatchObject({ code: "precondition_failed", rule: "dismissed" });

      const owner = await makeUser(db, { role: "reviewer" });
      const held = await makeClaim(db, article, { status: "approved", assigneeId: owner.id });
      const other = ctxFor(db, await makeUser(db, { role: "reviewer" }));
      const refusedOther = await failure(
        setRecheck(other, { claimId: held.id, version: 1, recheckOn: "2005-05-05" }),
      );
      expect(refusedOther).toMatchObject({
        code: "precondition_failed",
        rule: "assigned_elsewhere",
      });
      const detail = await getClaimDetail(other, { articleId: article.id, claimId: held.id });
      expect(detail.me.canSetRecheck).toBe(false);
      // Its owner may.
      const mine = await setRecheck(ctxFor(db, owner), {
        claimId: held.id,
        version: 1,
        recheckOn: "2005-05-05",
      });
      expect(mine.recheckOn).toBe("2005-05-05");
    });

    it("re-opening a due claim keeps the old verdict in its history and the public corrections log", async () => {
      const { article, claim, proposer, approver } = await approvedWithRecheck("2006-01-31");
      const [opinion] = await db
        .select({ id: claims.id })
        .from(claims)
        .where(and(eq(claims.articleId, article.id), eq(claims.kind, "statement")));
      if (opinion) await setClaimStatus(db, opinion.id, "dismissed");
      const editorUser = await makeUser(db, { role: "editor" });
      const editor = ctxFor(db, editorUser);
      const published = await publishReport(editor, { articleId: article.id }, BASE);
      const current = await readClaim(db, claim.id);

      const reason = "Due for re-check on 2006-01-31: the ministry publishes a new count.";
      const { claim: reopened, correctionId } = await reopenClaim(editor, {
        claimId: claim.id,
        version: current.version,
        reason,
        forRecheck: true,
      });
      expect(reopened).toMatchObject({
        status: "in_review",
        rating: null,
        recheckOn: null,
        recheckReason: null,
      });
      expect(correctionId).not.toBeNull();
      const stillDue = await queryDueRechecks(db, { today: "2006-12-31" });
      expect(stillDue.claims.map((c) => c.claimId)).not.toContain(claim.id);

      // The verdict history keeps the approved verdict, superseded, with its rating.
      const history = await db
        .select({ rating: verdicts.rating, state: verdicts.state })
        .from(verdicts)
        .where(eq(verdicts.claimId, claim.id));
      expect(history).toEqual([{ rating: "mostly_true", state: "superseded" }]);
      const detail = await getClaimDetail(editor, { articleId: article.id, claimId: claim.id });
      expect(detail.verdicts.map((v) => [v.rating, v.state])).toEqual([
        ["mostly_true", "superseded"],
      ]);

      // The correction is logged against the live publication, with the old verdict.
      const [logged] = await db.select().from(corrections).where(eq(corrections.claimId, claim.id));
      expect(logged).toMatchObject({
        id: correctionId,
        publicationId: published.publicationId,
        reason,
        before: expect.objectContaining({ status: "approved", rating: "mostly_true" }),
        createdBy: editorUser.id,
      });
      expect(logged?.description).toContain('The verdict "Mostly true"');
      const live = await getReport(editor, { articleId: article.id }, BASE);
      expect(live.model.corrections.map((c) => c.reason)).toContain(reason);

      // The audit keeps the date that came.
      const [audit] = await db
        .select({ before: auditEvents.before, after: auditEvents.after })
        .from(auditEvents)
        .where(and(eq(auditEvents.claimId, claim.id), eq(auditEvents.action, "claim.reopen")));
      expect(audit?.before).toMatchObject({ recheckOn: "2006-01-31", rating: "mostly_true" });
      expect(audit?.after).toMatchObject({ forRecheck: true, correctionId });

      // Checked again and republished: the public log shows the withdrawal and the new verdict.
      await reapproveClaim(db, claim.id, {
        rating: "false",
        rationale: "The new count is 2,030.",
        proposer,
        approver,
      });
      await publishReport(
        editor,
        { articleId: article.id, reason: "The ministry's new count." },
        BASE,
      );
      const page = await getPublishedReport(db, published.token);
      const descriptions = page?.corrections.map((c) => c.description).join("\n") ?? "";
      expect(descriptions).toContain('The verdict "Mostly true"');
      expect(descriptions).toContain("verdict changed from Mostly true to False");
      expect(page?.corrections.map((c) => c.reason)).toContain(reason);
    });

    it("an ordinary reopening keeps the date; only a reopening for re-check clears it", async () => {
      const { claim } = await approvedWithRecheck("2007-01-01");
      const editor = ctxFor(db, await makeUser(db, { role: "editor" }));
      const { claim: reopened } = await reopenClaim(editor, {
        claimId: claim.id,
        version: claim.version,
        reason: "A reader wrote in with a new source.",
      });
      expect(reopened.recheckOn).toBe("2007-01-01");
    });

    it("the report carries the date of an approved claim only", async () => {
      const { article, claim } = await approvedWithRecheck("2008-04-30");
      const editor = ctxFor(db, await makeUser(db, { role: "editor" }));
      const report = await getReport(editor, { articleId: article.id }, BASE);
      const inReport = report.model.claims.find((c) => c.id === claim.id);
      expect(inReport?.recheckOn).toBe("2008-04-30");
      // A claim without an approved verdict keeps its date to the desk.
      const other = await makeApprovedClaim(db, article, {
        text: article.body.slice(0, 12),
        proposer: await makeUser(db),
        approver: await makeUser(db, { role: "editor" }),
      });
      await db
        .update(claims)
        .set({ recheckOn: "2008-05-01", status: "in_review" })
        .where(eq(claims.id, other.id));
      const again = await getReport(editor, { articleId: article.id }, BASE);
      expect(again.model.claims.find((c) => c.id === other.id)?.recheckOn).toBeNull();
    });

    it("the claim list's CSV export ends with recheck_on", async () => {
      const { article, claim } = await approvedWithRecheck("2009-09-09");
      const editor = ctxFor(db, await makeUser(db, { role: "editor" }));
      const text = await new Response(exportClaimsCsv(editor, { article: article.id })).text();
      const rows = parse(text.replace(/^\uFEFF/, "")) as string[][];
      expect(rows[0]?.at(-1)).toBe("recheck_on");
      const row = rows.find((r) => r[0] === claim.id);
      expect(row?.at(-1)).toBe("2009-09-09");
      expect(
        rows.filter((r) => r[0] !== claim.id && r !== rows[0]).every((r) => r.at(-1) === ""),
      ).toBe(true);
    });

    it("an import stores the proposed date, from the published date or else the import day", async () => {
      const reviewer = ctxFor(db, await makeUser(db, { role: "reviewer" }));
      const text = (tag: string) =>
        `Russia has 2,500 troops in Kazakhstan, the defence ministry said on Monday.\n\nRef ${tag}.`;
      const stored = async (input: { title: string; text: string; publishedOn?: string }) => {
        const result = await importArticle(reviewer, input, { extract: extractClaims });
        if (result.status !== "created") throw new Error("not imported");
        return db
          .select({ text: claims.text, on: claims.recheckOn, reason: claims.recheckReason })
          .from(claims)
          .where(eq(claims.articleId, result.article.id));
      };
      const dated = await stored({
        title: "Dated",
        text: text(crypto.randomUUID()),
        publishedOn: "2022-01-15",
      });
      expect(dated.find((c) => c.text.includes("2,500"))).toMatchObject({
        on: "2022-07-15",
        reason: "Present-tense figure: “has 2,500 troops”",
      });
      const before = new Date();
      const undated = await stored({ title: "Undated", text: text(crypto.randomUUID()) });
      const today = new Date(before.toISOString().slice(0, 10));
      expect(undated.find((c) => c.text.includes("2,500"))?.on).toBe(
        addMonths(today, 6).toISOString().slice(0, 10),
      );
    });
  });
}
