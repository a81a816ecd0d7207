import { and, asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditEvents,
  claimMatches,
  claims,
  sources,
  trackedClaims,
  type User,
  verdicts,
} from "@/db/schema";
import { getArticleView } from "@/lib/services/articles/get-article";
import { listInconsistentRatings } from "@/lib/services/dashboard/inconsistent-ratings";
import { decideMatch } from "@/lib/services/tracking/decide-match";
import { editCanonicalText } from "@/lib/services/tracking/edit-canonical-text";
import { getClaimTracking } from "@/lib/services/tracking/get-claim-tracking";
import { getTrackedClaim } from "@/lib/services/tracking/get-tracked-claim";
import { unlinkAppearance } from "@/lib/services/tracking/unlink-appearance";
import { approveVerdict } from "@/lib/services/workflow/approve-verdict";
import { getClaimDetail } from "@/lib/services/workflow/get-claim-detail";
import { reuseVerdict } from "@/lib/services/workflow/reuse-verdict";
import { ctxFor, makeUser } from "../factories";
import {
  makeAppearance,
  makeApprovedAppearance,
  makeMatch,
  makeTrackedClaim,
} from "../factories/tracking";
import { readClaim, refusedBy } from "../factories/workflow";
import { describeOnBothEngines } from "./both-engines";

interface Cast {
  reviewer: User;
  reviewer2: User;
  editor: User;
  editor2: User;
}

async function readMatch(db: Db, claimId: string, matchId: string) {
  const [row] = await db
    .select()
    .from(claimMatches)
    .where(and(eq(claimMatches.claimId, claimId), eq(claimMatches.matchId, matchId)));
  if (!row) throw new Error("no match row");
  return row;
}

function auditActions(db: Db, where: { claimId?: string; entityId?: string }) {
  return db
    .select({ action: auditEvents.action, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(
      where.claimId
        ? eq(auditEvents.claimId, where.claimId)
        : eq(auditEvents.entityId, where.entityId ?? ""),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.action));
}

describeOnBothEngines("claim tracking", (database) => {
  let cast: Cast;
  const db = () => database.current.db;

  beforeAll(async () => {
    cast = {
      reviewer: await makeUser(db(), { role: "reviewer", name: "Rita Reviewer" }),
      reviewer2: await makeUser(db(), { role: "reviewer", name: "Rafael Second" }),
      editor: await makeUser(db(), { role: "editor", name: "Edna Editor" }),
      editor2: await makeUser(db(), { role: "editor", name: "Eli Other" }),
    };
  });

  /** An approved earlier claim and a new appearance that the matching service suggested it for. */
  async function suggestedPair(score = 0.8) {
    const earlier = await makeApprovedAppearance(
      db(),
      { proposerId: cast.reviewer2.id, approverId: cast.editor2.id },
      { outlet: "The Herald", publishedOn: "2022-01-08" },
    );
    const later = await makeAppearance(db(), {
      text: "About 2,500 troops arrived on 6 January 2022, the ministry said.",
      outlet: "The Courier",
      publishedOn: "2022-02-01",
    });
    const match = await makeMatch(db(), later.claim, earlier.claim, { score });
    return { earlier, later, match };
  }

  it("shows earlier appearances best first, with the earlier claim's article and verdict", async () => {
    const { earlier, later } = await suggestedPair(0.55);
    const other = await makeApprovedAppearance(
      db(),
      { proposerId: cast.reviewer2.id, approverId: cast.editor2.id },
      { outlet: "The Times", rating: "mostly_false" },
    );
    await makeMatch(db(), later.claim, other.claim, { score: 0.9 });
    const view = await getClaimTracking(ctxFor(db(), cast.reviewer), { claimId: later.claim.id });
    expect(view.seenBefore.map((r) => r.matchId)).toEqual([other.claim.id, earlier.claim.id]);
    expect(view.seenBefore[1]).toMatchObject({
      text: earlier.claim.text,
      articleId: earlier.article.id,
      articleTitle: earlier.article.title,
      outlet: "The Herald",
      publishedOn: "2022-01-08",
      status: "approved",
      rating: "false",
      state: "suggested",
      reasons: { agreeingValues: ["2,500 personnel"] },
    });
    expect(view.tracked).toBeNull();
  });

  it("answers an empty list when nothing was seen before", async () => {
    const alone = await makeAppearance(db());
    const view = await getClaimTracking(ctxFor(db(), cast.reviewer), { claimId: alone.claim.id });
    expect(view.seenBefore).toEqual([]);
  });

  it("links both appearances into a new tracked claim worded as the earlier one", async () => {
    const { earlier, later, match } = await suggestedPair();
    const result = await decideMatch(ctxFor(db(), cast.reviewer), {
      claimId: later.claim.id,
      matchId: earlier.claim.id,
      version: match.version,
      decision: "same",
    });
    expect(result.trackedClaimId).toBeTruthy();
    const trackedId = result.trackedClaimId as string;
    expect((await readClaim(db(), later.claim.id)).trackedClaimId).toBe(trackedId);
    expect((await readClaim(db(), earlier.claim.id)).trackedClaimId).toBe(trackedId);
    const [tracked] = await db()
      .select()
      .from(trackedClaims)
      .where(eq(trackedClaims.id, trackedId));
    expect(tracked?.canonicalText).toBe(earlier.claim.text);
    expect(await readMatch(db(), later.claim.id, earlier.claim.id)).toMatchObject({
      state: "same",
      decidedBy: cast.reviewer.id,
      version: match.version + 1,
    });
    expect((await auditActions(db(), { claimId: later.claim.id })).map((a) => a.action)).toEqual(
      expect.arrayContaining(["claim.track", "match.same"]),
    );
    expect((await auditActions(db(), { entityId: trackedId })).map((a) => a.action)).toEqual([
      "tracked.create",
    ]);
    // A reviewer linked an approved claim assigned to nobody they act for: linking is allowed.
    expect((await readClaim(db(), earlier.claim.id)).status).toBe("approved");
    const view = await getClaimTracking(ctxFor(db(), cast.reviewer), { claimId: later.claim.id });
    expect(view.seenBefore[0]?.state).toBe("same");
    expect(view.tracked).toMatchObject({ id: trackedId, appearances: 2, inconsistent: false });
  });

  it("refuses a second decision, naming who decided first", async () => {
    const { earlier, later, match } = await suggestedPair();
    const ref = { claimId: later.claim.id, matchId: earlier.claim.id, version: match.version };
    await decideMatch(ctxFor(db(), cast.reviewer), { ...ref, decision: "not_same" });
    await expect(
      decideMatch(ctxFor(db(), cast.reviewer2), { ...ref, decision: "same" }),
    ).rejects.toMatchObject(
      refusedBy(
        "already_decided",
        /^Rita Reviewer already marked this earlier claim as not the same/,
      ),
    );
    await expect(
      decideMatch(ctxFor(db(), cast.reviewer), {
        ...ref,
        version: match.version + 1,
        decision: "same",
      }),
    ).rejects.toMatchObject(refusedBy("already_decided", /^You already marked/));
    expect((await readClaim(db(), later.claim.id)).trackedClaimId).toBeNull();
  });

  it("lets exactly one of two simultaneous decisions on a pair through", async () => {
    const { earlier, later, match } = await suggestedPair();
    const ref = { claimId: later.claim.id, matchId: earlier.claim.id, version: match.version };
    const results = await Promise.allSettled([
      decideMatch(ctxFor(db(), cast.reviewer), { ...ref, decision: "same" }),
      decideMatch(ctxFor(db(), cast.reviewer2), { ...ref, decision: "not_same" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject(
      refusedBy("already_decided"),
    );
    const row = await readMatch(db(), later.claim.id, earlier.claim.id);
    const linked = (await readClaim(db(), later.claim.id)).trackedClaimId !== null;
    expect(linked).toBe(row.state === "same");
  });

  it("keeps a 'not the same' decision and never lists the pair again", async () => {
    const { earlier, later, match } = await suggestedPair(0.95);
    await decideMatch(ctxFor(db(), cast.reviewer), {
      claimId: later.claim.id,
      matchId: earlier.claim.id,
      version: match.version,
      decision: "not_same",
    });
    expect(await readMatch(db(), later.claim.id, earlier.claim.id)).toMatchObject({
      state: "not_same",
      decidedBy: cast.reviewer.id,
    });
    const view = await getClaimTracking(ctxFor(db(), cast.reviewer), { claimId: later.claim.id });
    expect(view.seenBefore).toEqual([]);
    // Nor is it "checked before" on the article page, however strong the score was.
    const article = await getArticleView(ctxFor(db(), cast.reviewer), later.article.id);
    expect(article.claims[0]?.checkedBefore).toBeNull();
    expect((await auditActions(db(), { claimId: later.claim.id })).map((a) => a.action)).toEqual([
      "match.not_same",
    ]);
  });

  it("refuses a decision on a suggestion that changed since the page was read", async () => {
    const { earlier, later, match } = await suggestedPair();
    await db()
      .update(claimMatches)
      .set({ score: 0.7, version: match.version + 1 })
      .where(eq(claimMatches.id, match.id));
    await expect(
      decideMatch(ctxFor(db(), cast.reviewer), {
        claimId: later.claim.id,
        matchId: earlier.claim.id,
        version: match.version,
        decision: "same",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("joins the tracked claim the earlier appearance already belongs to", async () => {
    const { earlier, later, match } = await suggestedPair();
    const first = await makeAppearance(db(), { publishedOn: "2021-12-01" });
    const tracked = await makeTrackedClaim(db(), [first.claim, earlier.claim], {
      canonicalText: "Russia sent 2,500 troops to Kazakhstan in January 2022.",
    });
    const result = await decideMatch(ctxFor(db(), cast.reviewer), {
      claimId: later.claim.id,
      matchId: earlier.claim.id,
      version: match.version,
      decision: "same",
    });
    expect(result.trackedClaimId).toBe(tracked.id);
    expect((await readClaim(db(), later.claim.id)).trackedClaimId).toBe(tracked.id);
    const count = await db().select().from(trackedClaims).where(eq(trackedClaims.id, tracked.id));
    expect(count[0]?.canonicalText).toBe("Russia sent 2,500 troops to Kazakhstan in January 2022.");
  });

  it("merges two tracked claims into the older one, moving every appearance", async () => {
    const { earlier, later, match } = await suggestedPair();
    const third = await makeAppearance(db());
    const fourth = await makeAppearance(db());
    const older = await makeTrackedClaim(db(), [earlier.claim, third.claim], {
      canonicalText: "The older wording",
      createdAt: new Date("2022-01-01T00:00:00Z"),
    });
    const younger = await makeTrackedClaim(db(), [later.claim, fourth.claim], {
      canonicalText: "The younger wording",
      createdAt: new Date("2022-03-01T00:00:00Z"),
    });
    const result = await decideMatch(ctxFor(db(), cast.reviewer), {
      claimId: later.claim.id,
      matchId: earlier.claim.id,
      version: match.version,
      decision: "same",
    });
    expect(result.trackedClaimId).toBe(older.id);
    for (const id of [earlier.claim.id, third.claim.id, later.claim.id, fourth.claim.id]) {
      expect((await readClaim(db(), id)).trackedClaimId).toBe(older.id);
    }
    expect(await db().select().from(trackedClaims).where(eq(trackedClaims.id, younger.id))).toEqual(
      [],
    );
    const [kept] = await db().select().from(trackedClaims).where(eq(trackedClaims.id, older.id));
    expect(kept).toMatchObject({ canonicalText: "The older wording", version: older.version + 1 });
    expect((await auditActions(db(), { entityId: older.id })).map((a) => a.action)).toEqual([
      "tracked.merge",
    ]);
  });

  it("reuses an approved verdict as a proposal that another editor must approve", async () => {
    const { earlier, later, match } = await suggestedPair();
    await decideMatch(ctxFor(db(), cast.editor), {
      claimId: later.claim.id,
      matchId: earlier.claim.id,
      version: match.version,
      decision: "same",
    });
    // An editor reuses it, so the two-person rule is what stops them approving it.
    const editorCtx = ctxFor(db(), cast.editor);
    const before = await getClaimDetail(editorCtx, {
      articleId: later.article.id,
      claimId: later.claim.id,
    });
    expect(before.allowed).toContain("reuse_verdict");
    expect(before.reusableVerdict).toMatchObject({ id: earlier.verdict.id, rating: "false" });

    const { claim, verdict } = await reuseVerdict(editorCtx, {
      claimId: later.claim.id,
      version: before.claim.version,
    });
    expect(claim.status).toBe("pending_approval");
    expect(verdict).toMatchObject({
      state: "proposed",
      rating: "false",
      rationale: earlier.verdict.rationale,
      proposedBy: cast.editor.id,
      reusedFromId: earlier.verdict.id,
    });
    const copied = await db().select().from(sources).where(eq(sources.claimId, later.claim.id));
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatchObject({
      reusedFromId: earlier.source.id,
      url: earlier.source.url,
      title: earlier.source.title,
      addedBy: cast.editor.id,
    });

    const pending = await getClaimDetail(editorCtx, {
      articleId: later.article.id,
      claimId: later.claim.id,
    });
    expect(pending.allowed).not.toContain("approve");
    expect(pending.verdicts[0]).toMatchObject({ reused: true, proposedByMe: true });
    await expect(
      approveVerdict(editorCtx, { claimId: later.claim.id, version: claim.version }),
    ).rejects.toMatchObject(refusedBy("two_person"));

    const { claim: approved } = await approveVerdict(ctxFor(db(), cast.editor2), {
      claimId: later.claim.id,
      version: claim.version,
    });
    expect(approved).toMatchObject({ status: "approved", rating: "false" });
    const history = await db().select().from(verdicts).where(eq(verdicts.claimId, later.claim.id));
    expect(history.map((v) => [v.state, v.approvedBy])).toEqual([["approved", cast.editor2.id]]);
    expect((await auditActions(db(), { claimId: later.claim.id })).map((a) => a.action)).toEqual(
      expect.arrayContaining(["verdict.reuse", "verdict.approve"]),
    );
  });

  it("offers no reuse without an approved verdict on another appearance", async () => {
    const { earlier, later } = await suggestedPair();
    const alone = await makeAppearance(db());
    await makeTrackedClaim(db(), [alone.claim, later.claim]);
    const ctx = ctxFor(db(), cast.reviewer);
    const detail = await getClaimDetail(ctx, {
      articleId: later.article.id,
      claimId: later.claim.id,
    });
    expect(detail.allowed).not.toContain("reuse_verdict");
    expect(detail.reusableVerdict).toBeNull();
    await expect(
      reuseVerdict(ctx, { claimId: later.claim.id, version: later.claim.version }),
    ).rejects.toMatchObject(refusedBy("no_reusable_verdict"));
    // Not linked to the approved claim: its verdict is not this claim's to reuse.
    expect(earlier.claim.trackedClaimId).toBeNull();
    expect((await readClaim(db(), later.claim.id)).status).toBe("open");
  });

  it("flags appearances approved with different ratings, on both claims and the dashboard", async () => {
    const people = { proposerId: cast.reviewer2.id, approverId: cast.editor2.id };
    const a = await makeApprovedAppearance(db(), people, { rating: "false" });
    const b = await makeApprovedAppearance(db(), people, {
      rating: "true",
      approvedAt: new Date("2022-02-20T10:00:00Z"),
    });
    const c = await makeAppearance(db());
    const tracked = await makeTrackedClaim(db(), [a.claim, b.claim, c.claim]);
    for (const claim of [a.claim, b.claim]) {
      const view = await getClaimTracking(ctxFor(db(), cast.reviewer), { claimId: claim.id });
      expect(view.tracked).toMatchObject({ id: tracked.id, inconsistent: true });
      expect(view.tracked?.ratings.map((r) => r.rating).sort()).toEqual(["false", "true"]);
    }
    const page = await getTrackedClaim(ctxFor(db(), cast.reviewer), tracked.id);
    expect(page.inconsistent).toBe(true);
    expect(page.currentRating).toMatchObject({ rating: "true", claimId: b.claim.id });
    const listed = await listInconsistentRatings(ctxFor(db(), cast.editor));
    expect(listed.find((row) => row.id === tracked.id)).toMatchObject({
      ratings: ["false", "true"],
      appearances: 2,
    });

    // Agreeing ratings raise nothing.
    const d = await makeApprovedAppearance(db(), people, { rating: "false" });
    const e = await makeApprovedAppearance(db(), people, { rating: "false" });
    const calm = await makeTrackedClaim(db(), [d.claim, e.claim]);
    const again = await listInconsistentRatings(ctxFor(db(), cast.editor));
    expect(again.some((row) => row.id === calm.id)).toBe(false);
    await expect(listInconsistentRatings(ctxFor(db(), cast.reviewer))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("marks an article's claims that repeat an approved claim elsewhere", async () => {
    const strong = await suggestedPair(0.8);
    const weak = await suggestedPair(0.2);
    const strongView = await getArticleView(ctxFor(db(), cast.reviewer), strong.later.article.id);
    expect(strongView.claims[0]?.checkedBefore).toEqual({
      claimId: strong.later.claim.id,
      earlierClaimId: strong.earlier.claim.id,
      earlierArticleId: strong.earlier.article.id,
      rating: "false",
      approvedAt: "2022-01-12T10:00:00Z",
    });
    const weakView = await getArticleView(ctxFor(db(), cast.reviewer), weak.later.article.id);
    expect(weakView.claims[0]?.checkedBefore).toBeNull();
    // A weak suggestion decided the same claim counts, as does a shared tracked claim.
    await decideMatch(ctxFor(db(), cast.reviewer), {
      claimId: weak.later.claim.id,
      matchId: weak.earlier.claim.id,
      version: weak.match.version,
      decision: "same",
    });
    const linked = await getArticleView(ctxFor(db(), cast.reviewer), weak.later.article.id);
    expect(linked.claims[0]?.checkedBefore?.earlierClaimId).toBe(weak.earlier.claim.id);
    const viaTracked = await makeAppearance(db());
    await db()
      .update(claims)
      .set({ trackedClaimId: (await readClaim(db(), weak.earlier.claim.id)).trackedClaimId })
      .where(eq(claims.id, viaTracked.claim.id));
    const third = await getArticleView(ctxFor(db(), cast.reviewer), viaTracked.article.id);
    expect(third.claims[0]?.checkedBefore?.rating).toBe("false");
  });

  it("shows a tracked claim's appearances by publication date, with outlets, speakers and verdicts", async () => {
    const people = { proposerId: cast.reviewer2.id, approverId: cast.editor2.id };
    const late = await makeAppearance(db(), {
      outlet: "The Courier",
      publishedOn: "2022-03-05",
      speaker: "Minister A",
    });
    const early = await makeApprovedAppearance(db(), people, {
      outlet: "The Herald",
      publishedOn: "2022-01-05",
      speaker: "Minister A",
    });
    const middle = await makeApprovedAppearance(db(), people, {
      outlet: "The Times",
      publishedOn: "2022-02-05",
      speaker: "Spokesperson B",
      rating: "false",
      approvedAt: new Date("2022-02-06T09:00:00Z"),
    });
    const tracked = await makeTrackedClaim(db(), [late.claim, early.claim, middle.claim]);
    const page = await getTrackedClaim(ctxFor(db(), cast.reviewer), tracked.id);
    expect(page.appearances.map((a) => a.id)).toEqual([
      early.claim.id,
      middle.claim.id,
      late.claim.id,
    ]);
    expect(page.outlets).toEqual(["The Courier", "The Herald", "The Times"]);
    expect(page.speakers).toEqual(["Minister A", "Spokesperson B"]);
    expect(page.verdictHistory.map((v) => v.claimId).sort()).toEqual(
      [early.claim.id, middle.claim.id].sort(),
    );
    expect(page.currentRating).toMatchObject({ rating: "false", claimId: middle.claim.id });
    expect(page.inconsistent).toBe(false);
    expect(page.can.edit).toBe(false);
    await expect(getTrackedClaim(ctxFor(db(), cast.reviewer), "not-a-uuid")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("lets an editor reword the canonical claim, refusing a stale version", async () => {
    const a = await makeAppearance(db());
    const tracked = await makeTrackedClaim(db(), [a.claim]);
    const edited = await editCanonicalText(ctxFor(db(), cast.editor), {
      trackedClaimId: tracked.id,
      version: tracked.version,
      canonicalText: "Russia deployed about 2,500 troops to Kazakhstan.",
    });
    expect(edited).toMatchObject({ version: tracked.version + 1 });
    await expect(
      editCanonicalText(ctxFor(db(), cast.editor2), {
        trackedClaimId: tracked.id,
        version: tracked.version,
        canonicalText: "Another wording of the same claim.",
      }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/Edna Editor/) });
    await expect(
      editCanonicalText(ctxFor(db(), cast.editor), {
        trackedClaimId: tracked.id,
        version: edited.version,
        canonicalText: "short",
      }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      editCanonicalText(ctxFor(db(), cast.reviewer), {
        trackedClaimId: tracked.id,
        version: edited.version,
        canonicalText: "A reviewer may not reword it.",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lets an editor take an appearance out, after which the pair counts as not the same", async () => {
    const { earlier, later, match } = await suggestedPair();
    const { trackedClaimId } = await decideMatch(ctxFor(db(), cast.reviewer), {
      claimId: later.claim.id,
      matchId: earlier.claim.id,
      version: match.version,
      decision: "same",
    });
    const current = await readClaim(db(), later.claim.id);
    const ref = {
      trackedClaimId: trackedClaimId as string,
      claimId: later.claim.id,
      version: current.version,
    };
    await expect(unlinkAppearance(ctxFor(db(), cast.reviewer), ref)).rejects.toMatchObject({
      code: "forbidden",
    });
    await unlinkAppearance(ctxFor(db(), cast.editor), ref);
    expect((await readClaim(db(), later.claim.id)).trackedClaimId).toBeNull();
    expect((await readClaim(db(), earlier.claim.id)).trackedClaimId).toBe(trackedClaimId);
    expect((await readMatch(db(), later.claim.id, earlier.claim.id)).state).toBe("not_same");
    await expect(unlinkAppearance(ctxFor(db(), cast.editor), ref)).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
