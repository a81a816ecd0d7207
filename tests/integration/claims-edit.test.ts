import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, claims, sources } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { listArticleHistory } from "@/lib/services/articles/get-article";
import { addManualClaim } from "@/lib/services/claims/add-claim";
import { dismissClaim, restoreClaim } from "@/lib/services/claims/dismiss-claim";
import { mergeClaims } from "@/lib/services/claims/merge-claims";
import { splitClaim } from "@/lib/services/claims/split-claim";
import { updateClaim } from "@/lib/services/claims/update-claim";
import { ctxFor, makeUser } from "../factories";
import {
  makeArticleWithClaims,
  makeUserWithArticle,
  makeUserWithClaim,
  spanOf,
} from "../factories/articles";
import { refusedBy } from "../factories/workflow";
import { useTestDatabase } from "./test-db";

describe("claim list editing", () => {
  const db = useTestDatabase();

  async function claimsOf(articleId: string) {
    return db.current.db
      .select()
      .from(claims)
      .where(eq(claims.articleId, articleId))
      .orderBy(asc(claims.start));
  }

  /** Every stored claim's span must be exactly its text. */
  async function expectValidOffsets(articleId: string, body: string) {
    for (const claim of await claimsOf(articleId)) {
      expect(body.slice(claim.start, claim.end)).toBe(claim.text);
      expect(body.slice(0, claim.start).endsWith(claim.prefix)).toBe(true);
      expect(body.slice(claim.end).startsWith(claim.suffix)).toBe(true);
    }
  }

  it("adds a manual claim from a selection and refuses one that does not match the text", async () => {
    const { user, ctx, article } = await makeUserWithArticle(db.current.db, []);
    const claim = await addManualClaim(ctx, {
      articleId: article.id,
      ...spanOf(article.body, "Officials met in Almaty"),
      kind: "event",
      values: { place: "Almaty" },
    });
    expect(claim).toMatchObject({ origin: "manual", kind: "event", values: { place: "Almaty" } });
    // Offsets a little off, text right: found again at its real place.
    const shifted = spanOf(article.body, "2,500 troops");
    const found = await addManualClaim(ctx, {
      articleId: article.id,
      start: shifted.start + 3,
      end: shifted.end + 3,
      text: shifted.text,
      kind: "quantity",
      values: { quantity: 2500 },
    });
    expect(found).toMatchObject({ start: shifted.start, end: shifted.end });
    await expect(
      addManualClaim(ctx, {
        articleId: article.id,
        start: 0,
        end: 10,
        text: "Not there!",
        kind: "statement",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      addManualClaim(ctx, {
        articleId: article.id,
        start: 3,
        end: 4,
        text: " ",
        kind: "statement",
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expectValidOffsets(article.id, article.body);
    const [audit] = await db.current.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, claim.id));
    expect(audit).toMatchObject({
      action: "claim.create",
      actorId: user.id,
      articleId: article.id,
    });
  });

  it("re-spans a claim and edits kind and values, checking the new span against the text", async () => {
    const { ctx, article, claim } = await makeUserWithClaim(db.current.db, "2,500 troops");
    const respanned = await updateClaim(ctx, {
      claimId: claim.id,
      version: claim.version,
      span: spanOf(article.body, "2,500 troops arrived on 6 January 2022"),
      kind: "quantity",
      values: { quantity: 2500, unit: "troops" },
    });
    expect(respanned).toMatchObject({
      text: "2,500 troops arrived on 6 January 2022",
      kind: "quantity",
      values: { quantity: 2500, unit: "troops" },
      version: claim.version + 1,
    });
    await expect(
      updateClaim(ctx, {
        claimId: claim.id,
        version: respanned.version,
        span: { start: 4, end: 12, text: "minister" },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      updateClaim(ctx, {
        claimId: claim.id,
        version: respanned.version,
        values: { "bad key": 1 },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expectValidOffsets(article.id, article.body);
    const history = await listArticleHistory(ctx, article.id);
    expect(history.map((h) => h.action)).toContain("claim.respan");
  });

  it("splits a claim in two between words, and refuses a cut outside it", async () => {
    const phrase =
      "They left by 19 January. Article 4 of the Collective Security Treaty was invoked.";
    const { ctx, article, claim } = await makeUserWithClaim(db.current.db, phrase);
    const at = article.body.indexOf(" Article 4");
    const { first, second } = await splitClaim(ctx, {
      claimId: claim.id,
      version: claim.version,
      at,
    });
    expect(first.text).toBe("They left by 19 January.");
    expect(second.text).toBe("Article 4 of the Collective Security Treaty was invoked.");
    expect(second.origin).toBe("manual");
    await expect(
      splitClaim(ctx, { claimId: claim.id, version: first.version, at: first.end + 5 }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expectValidOffsets(article.id, article.body);
  });

  it("merges neighbouring claims, keeping the later one's sources, and refuses non-neighbours", async () => {
    const {
      ctx,
      article,
      claims: made,
    } = await makeUserWithArticle(db.current.db, [
      "The ministry said 2,500 troops arrived on 6 January 2022.",
      "They left by 19 January.",
      "Officials met in Almaty.",
    ]);
    const [a, b, c] = made;
    if (!a || !b || !c) throw new Error("no claims");
    await db.current.db.insert(sources).values({
      claimId: b.id,
      url: "https://example.org/source",
      title: "Source",
      sourceType: "news_report",
      stance: "supports",
    });
    await expect(
      mergeClaims(ctx, {
        claimId: a.id,
        version: a.version,
        otherId: c.id,
        otherVersion: c.version,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const merged = await mergeClaims(ctx, {
      claimId: b.id,
      version: b.version,
      otherId: a.id,
      otherVersion: a.version,
    });
    expect(merged.id).toBe(a.id);
    expect(merged.text).toBe(
      "The ministry said 2,500 troops arrived on 6 January 2022. They left by 19 January.",
    );
    expect((await claimsOf(article.id)).map((x) => x.id)).toEqual([a.id, c.id]);
    const moved = await db.current.db.select().from(sources).where(eq(sources.claimId, a.id));
    expect(moved).toHaveLength(1);
    await expectValidOffsets(article.id, article.body);
  });

  it("dismisses with a reason and restores, following the workflow table", async () => {
    const { ctx, article, claim } = await makeUserWithClaim(
      db.current.db,
      "Officials met in Almaty.",
    );
    await expect(
      dismissClaim(ctx, { claimId: claim.id, version: claim.version, reason: "because" as never }),
    ).rejects.toBeInstanceOf(ValidationError);
    const dismissed = await dismissClaim(ctx, {
      claimId: claim.id,
      version: claim.version,
      reason: "not_check_worthy",
    });
    expect(dismissed).toMatchObject({ status: "dismissed", dismissReason: "not_check_worthy" });
    await expect(
      dismissClaim(ctx, { claimId: claim.id, version: dismissed.version, reason: "opinion" }),
    ).rejects.toMatchObject(refusedBy("transition", /dismissed cannot be dismissed/));
    const restored = await restoreClaim(ctx, { claimId: claim.id, version: dismissed.version });
    expect(restored).toMatchObject({ status: "open", dismissReason: null });
    await expectValidOffsets(article.id, article.body);
    const actions = (await listArticleHistory(ctx, article.id)).map((h) => h.action);
    expect(actions).toEqual(["claim.restore", "claim.dismiss"]);
  });

  it("lets a reviewer act only on unassigned claims and their own; refuses approved edits", async () => {
    const reviewer = await makeUser(db.current.db);
    const other = await makeUser(db.current.db);
    const editor = await makeUser(db.current.db, { role: "editor" });
    const { article, claims: made } = await makeArticleWithClaims(db.current.db, [
      "Officials met in Almaty.",
      "They left by 19 January.",
    ]);
    const [theirs, approved] = made;
    if (!theirs || !approved) throw new Error("no claims");
    await db.current.db
      .update(claims)
      .set({ assigneeId: other.id })
      .where(eq(claims.id, theirs.id));
    await db.current.db
      .update(claims)
      .set({ status: "approved" })
      .where(eq(claims.id, approved.id));
    await expect(
      dismissClaim(ctxFor(db.current.db, reviewer), {
        claimId: theirs.id,
        version: 1,
        reason: "duplicate",
      }),
    ).rejects.toMatchObject(refusedBy("assigned_elsewhere"));
    await expect(
      dismissClaim(ctxFor(db.current.db, editor), {
        claimId: theirs.id,
        version: 1,
        reason: "duplicate",
      }),
    ).resolves.toMatchObject({ status: "dismissed" });
    await expect(
      updateClaim(ctxFor(db.current.db, editor), {
        claimId: approved.id,
        version: 1,
        kind: "date",
      }),
    ).rejects.toMatchObject(refusedBy("read_only", /read-only/));
    await db.current.db
      .update(claims)
      .set({ status: "pending_approval" })
      .where(eq(claims.id, approved.id));
    await expect(
      updateClaim(ctxFor(db.current.db, editor), {
        claimId: approved.id,
        version: 1,
        span: spanOf(article.body, "They left"),
      }),
    ).rejects.toMatchObject(refusedBy("respan", /pending approval/));
  });

  it("refuses a stale edit naming who changed the claim and when, with the current claim", async () => {
    const first = await makeUser(db.current.db, { name: "Fay First" });
    const second = await makeUser(db.current.db);
    const { claims: made } = await makeArticleWithClaims(db.current.db, ["2,500 troops"]);
    const claim = made[0];
    if (!claim) throw new Error("no claim");
    await updateClaim(ctxFor(db.current.db, first), {
      claimId: claim.id,
      version: 1,
      values: { quantity: 2500 },
    });
    const error = await updateClaim(ctxFor(db.current.db, second), {
      claimId: claim.id,
      version: 1,
      values: { quantity: 2400 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(
      /^This claim was changed by Fay First at \d+ \w+ \d{4}, \d\d:\d\d UTC\./,
    );
    expect((error as ConflictError).current).toMatchObject({
      version: 2,
      values: { quantity: 2500 },
    });
  });
});
