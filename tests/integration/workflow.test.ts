import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, corrections, reportPublications, verdicts } from "@/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { addSource } from "@/lib/services/sources/add-source";
import { approveVerdict } from "@/lib/services/workflow/approve-verdict";
import { assignClaim } from "@/lib/services/workflow/assign-claim";
import { bulkAssignClaims } from "@/lib/services/workflow/bulk-assign";
import { getBulkAssignOptions } from "@/lib/services/workflow/bulk-assign-options";
import { proposeVerdict } from "@/lib/services/workflow/propose-verdict";
import { reopenClaim } from "@/lib/services/workflow/reopen-claim";
import { returnVerdict } from "@/lib/services/workflow/return-verdict";
import { startReview } from "@/lib/services/workflow/start-review";
import { takeClaim } from "@/lib/services/workflow/take-claim";
import { ctxFor, makeArticle, makeClaim, makeUser } from "../factories";
import {
  makeSource,
  makeWorkflowCast,
  RATIONALE,
  readClaim,
  refusedBy,
  SOURCE_INPUT,
} from "../factories/workflow";
import { useTestDatabase } from "./test-db";

describe("claim workflow", () => {
  const db = useTestDatabase({ max: 30 });

  const setup = () => makeWorkflowCast(db.current.db);

  /** Takes a claim, adds a source and proposes, returning the pending claim. */
  async function pending() {
    const s = await setup();
    const rc = ctxFor(s.d, s.reviewer);
    const taken = await takeClaim(rc, { claimId: s.claim.id, version: s.claim.version });
    await addSource(rc, { ...SOURCE_INPUT, claimId: s.claim.id });
    const proposed = await proposeVerdict(rc, {
      claimId: s.claim.id,
      version: taken.version,
      rating: "mostly_true",
      rationale: RATIONALE,
    });
    return { ...s, claim: proposed.claim };
  }

  it("walks open → in_review → pending_approval → approved with an audit row for each step", async () => {
    const { d, reviewer, editor, claim } = await setup();
    const rc = ctxFor(d, reviewer);
    const taken = await takeClaim(rc, { claimId: claim.id, version: claim.version });
    expect(taken).toMatchObject({ status: "in_review", assigneeId: reviewer.id });
    const source = await addSource(rc, { ...SOURCE_INPUT, claimId: claim.id });
    const { claim: proposed, verdict } = await proposeVerdict(rc, {
      claimId: claim.id,
      version: taken.version,
      rating: "mostly_true",
      rationale: RATIONALE,
    });
    expect(proposed.status).toBe("pending_approval");
    expect(verdict).toMatchObject({ state: "proposed", proposedBy: reviewer.id });
    const { claim: approved } = await approveVerdict(ctxFor(d, editor), {
      claimId: claim.id,
      version: proposed.version,
    });
    expect(approved).toMatchObject({ status: "approved", rating: "mostly_true" });
    expect(approved.approvedAt).toBeInstanceOf(Date);
    const [stored] = await d.select().from(verdicts).where(eq(verdicts.id, verdict.id));
    expect(stored).toMatchObject({ state: "approved", approvedBy: editor.id });

    const audit = await d
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.claimId, claim.id))
      .orderBy(asc(auditEvents.at), asc(auditEvents.action));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["claim.take", reviewer.id],
      ["source.add", reviewer.id],
      ["verdict.propose", reviewer.id],
      ["verdict.approve", editor.id],
    ]);
    expect(audit[0]?.after).toMatchObject({ status: "in_review", assigneeId: reviewer.id });
    expect(audit[1]?.entityId).toBe(source.id);
    expect(audit[3]?.after).toMatchObject({ status: "approved", rating: "mostly_true" });
  });

  it("refuses the proposer's own approval (two-person rule) and changes nothing", async () => {
    const d = db.current.db;
    const editor = await makeUser(d, { role: "editor" });
    const article = await makeArticle(d);
    const claim = await makeClaim(d, article);
    const ec = ctxFor(d, editor);
    const taken = await takeClaim(ec, { claimId: claim.id, version: claim.version });
    await makeSource(d, claim, editor.id);
    const { claim: proposed, verdict } = await proposeVerdict(ec, {
      claimId: claim.id,
      version: taken.version,
      rating: "false",
      rationale: RATIONALE,
    });
    const auditBefore = await d.select().from(auditEvents).where(eq(auditEvents.claimId, claim.id));
    await expect(
      approveVerdict(ec, { claimId: claim.id, version: proposed.version }),
    ).rejects.toMatchObject(refusedBy("two_person", /two-person rule/));
    expect(await readClaim(d, claim.id)).toMatchObject({
      status: "pending_approval",
      rating: null,
      approvedAt: null,
      version: proposed.version,
    });
    const [stored] = await d.select().from(verdicts).where(eq(verdicts.id, verdict.id));
    expect(stored).toMatchObject({ state: "proposed", approvedBy: null, version: 1 });
    const auditAfter = await d.select().from(auditEvents).where(eq(auditEvents.claimId, claim.id));
    expect(auditAfter).toHaveLength(auditBefore.length);
    // Another editor may approve it.
    const other = await makeUser(d, { role: "admin" });
    await expect(
      approveVerdict(ctxFor(d, other), { claimId: claim.id, version: proposed.version }),
    ).resolves.toMatchObject({ claim: { status: "approved" } });
  });

  it("refuses a verdict with no source, leaving the claim in review", async () => {
    const { d, reviewer, claim } = await setup();
    const rc = ctxFor(d, reviewer);
    const taken = await takeClaim(rc, { claimId: claim.id, version: claim.version });
    const error = await proposeVerdict(rc, {
      claimId: claim.id,
      version: taken.version,
      rating: "true",
      rationale: RATIONALE,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/at least one source/);
    expect(await readClaim(d, claim.id)).toMatchObject({
      status: "in_review",
      version: taken.version,
    });
    expect(await d.select().from(verdicts).where(eq(verdicts.claimId, claim.id))).toHaveLength(0);
  });

  it("refuses a rationale under 50 characters and a rating off the scale, with field errors", async () => {
    const { d, reviewer, claim } = await setup();
    const rc = ctxFor(d, reviewer);
    const taken = await takeClaim(rc, { claimId: claim.id, version: claim.version });
    await makeSource(d, claim);
    const error = (await proposeVerdict(rc, {
      claimId: claim.id,
      version: taken.version,
      rating: "pants_on_fire" as never,
      rationale: "Too short.",
    }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["rating", "rationale"]);
  });

  it("does not let a reviewer act on a claim assigned to someone else", async () => {
    const { d, reviewer, editor, claim } = await setup();
    const other = await makeUser(d, { role: "reviewer" });
    const assigned = await assignClaim(ctxFor(d, editor), {
      claimId: claim.id,
      version: claim.version,
      assigneeId: other.id,
    });
    const rc = ctxFor(d, reviewer);
    await expect(
      takeClaim(rc, { claimId: claim.id, version: assigned.version }),
    ).rejects.toMatchObject(refusedBy("assigned_elsewhere", /assigned to someone else/));
    await expect(
      startReview(rc, { claimId: claim.id, version: assigned.version }),
    ).rejects.toMatchObject(refusedBy("assigned_elsewhere"));
    await expect(addSource(rc, { ...SOURCE_INPUT, claimId: claim.id })).rejects.toMatchObject(
      refusedBy("assigned_elsewhere"),
    );
    // An editor may act on it, but takes only a claim that is free or theirs.
    await expect(
      takeClaim(ctxFor(d, editor), { claimId: claim.id, version: assigned.version }),
    ).rejects.toMatchObject(refusedBy("take_assigned"));
    // The assignee can.
    await expect(
      startReview(ctxFor(d, other), { claimId: claim.id, version: assigned.version }),
    ).resolves.toMatchObject({ status: "in_review", assigneeId: other.id });
    const claimNow = await readClaim(d, claim.id);
    await expect(
      proposeVerdict(rc, {
        claimId: claim.id,
        version: claimNow.version,
        rating: "true",
        rationale: RATIONALE,
      }),
    ).rejects.toMatchObject(refusedBy("assigned_elsewhere"));
    expect(await readClaim(d, claim.id)).toMatchObject({
      status: "in_review",
      assigneeId: other.id,
    });
  });

  it("lets exactly one of 20 parallel approvals through", async () => {
    const { d, claim } = await pending();
    const editors = await Promise.all(
      Array.from({ length: 20 }, () => makeUser(d, { role: "editor" })),
    );
    const results = await Promise.allSettled(
      editors.map((e) =>
        approveVerdict(ctxFor(d, e), { claimId: claim.id, version: claim.version }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConflictError);
    }
    const approvals = await d
      .select()
      .from(auditEvents)
      .where(
        sql`${auditEvents.claimId} = ${claim.id} and ${auditEvents.action} = 'verdict.approve'`,
      );
    expect(approvals).toHaveLength(1);
    expect(await d.select().from(verdicts).where(eq(verdicts.claimId, claim.id))).toHaveLength(1);
    expect(await readClaim(d, claim.id)).toMatchObject({
      status: "approved",
      version: claim.version + 1,
    });
  });

  it("returns with a note, keeping the proposal in history, and a new proposal follows", async () => {
    const { d, reviewer, editor, claim } = await pending();
    const { claim: back, verdict } = await returnVerdict(ctxFor(d, editor), {
      claimId: claim.id,
      version: claim.version,
      note: "Find the ministry's own figure, please.",
    });
    expect(back.status).toBe("in_review");
    expect(verdict).toMatchObject({
      state: "returned",
      returnedBy: editor.id,
      returnNote: "Find the ministry's own figure, please.",
    });
    await expect(
      returnVerdict(ctxFor(d, editor), { claimId: claim.id, version: back.version, note: "again" }),
    ).rejects.toMatchObject(refusedBy("transition", /in review cannot be returned/));
    const again = await proposeVerdict(ctxFor(d, reviewer), {
      claimId: claim.id,
      version: back.version,
      rating: "half_true",
      rationale: RATIONALE,
    });
    const history = await d.select().from(verdicts).where(eq(verdicts.claimId, claim.id));
    expect(history.map((v) => v.state).sort()).toEqual(["proposed", "returned"]);
    expect(again.claim.status).toBe("pending_approval");
  });

  it("refuses illegal transitions whatever the caller sends", async () => {
    const { d, reviewer, editor, claim } = await setup();
    // Approving or returning an open claim, proposing on an open claim.
    await expect(
      approveVerdict(ctxFor(d, editor), { claimId: claim.id, version: claim.version }),
    ).rejects.toMatchObject(refusedBy("transition", /open cannot be approved/));
    await expect(
      reopenClaim(ctxFor(d, editor), {
        claimId: claim.id,
        version: claim.version,
        reason: "because",
      }),
    ).rejects.toMatchObject(refusedBy("transition", /cannot be reopened/));
    await makeSource(d, claim);
    await expect(
      proposeVerdict(ctxFor(d, reviewer), {
        claimId: claim.id,
        version: claim.version,
        rating: "true",
        rationale: RATIONALE,
      }),
    ).rejects.toMatchObject(refusedBy("transition", /cannot be given a proposed verdict/));
    expect(await readClaim(d, claim.id)).toMatchObject({ status: "open", version: claim.version });
  });

  it("refuses a stale version with a conflict naming who changed it", async () => {
    const { d, reviewer, editor, claim } = await setup();
    await assignClaim(ctxFor(d, editor), {
      claimId: claim.id,
      version: claim.version,
      assigneeId: reviewer.id,
    });
    const error = await takeClaim(ctxFor(d, reviewer), {
      claimId: claim.id,
      version: claim.version,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain(`changed by ${editor.name} at `);
  });

  it("keeps approved claims read-only until an editor reopens; a reopen after publication logs a correction", async () => {
    const { d, reviewer, editor, article, claim } = await pending();
    const other = await makeUser(d, { role: "editor" });
    const { claim: approved } = await approveVerdict(ctxFor(d, other), {
      claimId: claim.id,
      version: claim.version,
    });
    const rc = ctxFor(d, reviewer);
    await expect(addSource(rc, { ...SOURCE_INPUT, claimId: claim.id })).rejects.toMatchObject(
      refusedBy("read_only", /read-only/),
    );
    await expect(
      assignClaim(ctxFor(d, editor), {
        claimId: claim.id,
        version: approved.version,
        assigneeId: editor.id,
      }),
    ).rejects.toMatchObject(refusedBy("transition", /approved cannot be assigned/));
    await expect(
      reopenClaim(rc, { claimId: claim.id, version: approved.version, reason: "New figures" }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await d.insert(reportPublications).values({
      articleId: article.id,
      token: `tok-${crypto.randomUUID()}`,
      publishedBy: editor.id,
    });
    const { claim: reopened, correctionId } = await reopenClaim(ctxFor(d, editor), {
      claimId: claim.id,
      version: approved.version,
      reason: "The ministry revised its figure.",
    });
    expect(reopened).toMatchObject({ status: "in_review", rating: null, approvedAt: null });
    expect(correctionId).toBeTruthy();
    const [correction] = await d
      .select()
      .from(corrections)
      .where(eq(corrections.claimId, claim.id));
    expect(correction).toMatchObject({
      articleId: article.id,
      reason: "The ministry revised its figure.",
      before: expect.objectContaining({ rating: "mostly_true" }),
    });
    const history = await d.select().from(verdicts).where(eq(verdicts.claimId, claim.id));
    expect(history.map((v) => v.state)).toEqual(["superseded"]);
    // Editable again.
    await expect(addSource(rc, { ...SOURCE_INPUT, claimId: claim.id })).resolves.toBeTruthy();
  });

  it("reopens without a correction while no report is published", async () => {
    const { d, editor, claim } = await pending();
    const other = await makeUser(d, { role: "editor" });
    const { claim: approved } = await approveVerdict(ctxFor(d, other), {
      claimId: claim.id,
      version: claim.version,
    });
    const { correctionId } = await reopenClaim(ctxFor(d, editor), {
      claimId: claim.id,
      version: approved.version,
      reason: "Second look needed.",
    });
    expect(correctionId).toBeNull();
  });

  it("assigns only to active people, and bulk-assigns all or nothing", async () => {
    const { d, editor, article, claim } = await setup();
    const ec = ctxFor(d, editor);
    const disabled = await makeUser(d, { role: "reviewer", disabled: true });
    await expect(
      assignClaim(ec, { claimId: claim.id, version: claim.version, assigneeId: disabled.id }),
    ).rejects.toBeInstanceOf(ValidationError);
    const second = await makeClaim(d, article, { start: 5, end: 20 });
    const target = await makeUser(d, { role: "reviewer" });
    const result = await bulkAssignClaims(ec, {
      articleId: article.id,
      assigneeId: target.id,
      claims: [
        { id: claim.id, version: claim.version },
        { id: second.id, version: second.version },
      ],
    });
    expect(result).toMatchObject({ assigned: 2, unchanged: 0 });
    expect((await readClaim(d, second.id)).assigneeId).toBe(target.id);
    // A stale version anywhere leaves every claim as it was.
    const third = await makeClaim(d, article, { start: 2, end: 12 });
    const someone = await makeUser(d, { role: "editor" });
    await expect(
      bulkAssignClaims(ec, {
        articleId: article.id,
        assigneeId: someone.id,
        claims: [
          { id: claim.id, version: claim.version },
          { id: third.id, version: third.version },
        ],
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await readClaim(d, third.id)).assigneeId).toBeNull();
    // A claim of another article is not found.
    const elsewhere = await makeClaim(d, await makeArticle(d));
    await expect(
      bulkAssignClaims(ec, {
        articleId: article.id,
        assigneeId: someone.id,
        claims: [{ id: elsewhere.id, version: elsewhere.version }],
      }),
    ).rejects.toThrow(/does not exist/);
  });

  it("offers the bulk-assign dialog only to editors, with the claims that can still be assigned", async () => {
    const { d, reviewer, editor, article, claim } = await setup();
    await makeClaim(d, article, { start: 1, end: 9, status: "approved" });
    const inReview = await makeClaim(d, article, {
      start: 2,
      end: 9,
      status: "in_review",
      assigneeId: reviewer.id,
    });
    await expect(getBulkAssignOptions(ctxFor(d, reviewer), article.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const options = await getBulkAssignOptions(ctxFor(d, editor), article.id);
    expect(options.claims.map((c) => [c.id, c.version, c.assigneeName])).toEqual([
      [claim.id, claim.version, null],
      [inReview.id, inReview.version, reviewer.name],
    ]);
    expect(options.assignees.map((a) => a.id)).toEqual(
      expect.arrayContaining([reviewer.id, editor.id]),
    );
  });

  it("gives an open claim to exactly one of two reviewers taking it at once", async () => {
    const { d, reviewer, claim } = await setup();
    const rival = await makeUser(d, { role: "reviewer" });
    const results = await Promise.allSettled(
      [reviewer, rival].map((r) =>
        takeClaim(ctxFor(d, r), { claimId: claim.id, version: claim.version }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const stored = await readClaim(d, claim.id);
    expect([reviewer.id, rival.id]).toContain(stored.assigneeId);
    expect(stored.version).toBe(claim.version + 1);
  });

  it("refuses a proposal made on a stale page and writes no verdict", async () => {
    const { d, reviewer, editor, claim } = await setup();
    const rc = ctxFor(d, reviewer);
    const taken = await takeClaim(rc, { claimId: claim.id, version: claim.version });
    await makeSource(d, claim);
    await assignClaim(ctxFor(d, editor), {
      claimId: claim.id,
      version: taken.version,
      assigneeId: reviewer.id,
    });
    await expect(
      proposeVerdict(rc, {
        claimId: claim.id,
        version: taken.version,
        rating: "true",
        rationale: RATIONALE,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await d.select().from(verdicts).where(eq(verdicts.claimId, claim.id))).toHaveLength(0);
    expect((await readClaim(d, claim.id)).status).toBe("in_review");
  });
});
