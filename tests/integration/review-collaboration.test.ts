import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, comments, sources } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { addComment } from "@/lib/services/comments/add-comment";
import { getMyQueue } from "@/lib/services/queue/get-queue";
import { addSource } from "@/lib/services/sources/add-source";
import { editSource } from "@/lib/services/sources/edit-source";
import { removeSource } from "@/lib/services/sources/remove-source";
import { approveVerdict } from "@/lib/services/workflow/approve-verdict";
import { assignClaim } from "@/lib/services/workflow/assign-claim";
import { getClaimDetail } from "@/lib/services/workflow/get-claim-detail";
import { proposeVerdict } from "@/lib/services/workflow/propose-verdict";
import { returnVerdict } from "@/lib/services/workflow/return-verdict";
import { takeClaim } from "@/lib/services/workflow/take-claim";
import { ctxFor, makeArticle, makeClaim } from "../factories";
import { makeWorkflowCast, RATIONALE, SOURCE_INPUT } from "../factories/workflow";
import { useTestDatabase } from "./test-db";

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> ' " & \u202e`;

describe("sources, comments, queue and timeline", () => {
  const db = useTestDatabase();

  const setup = () => makeWorkflowCast(db.current.db);

  it("gives the claim page the speaker with the role the article gives", async () => {
    const { d, reviewer } = await setup();
    const article = await makeArticle(d);
    const claim = await makeClaim(d, article, {
      speaker: "Alison Rowe",
      speakerRole: "Shadow health secretary",
    });
    const detail = await getClaimDetail(ctxFor(d, reviewer), {
      articleId: article.id,
      claimId: claim.id,
    });
    expect(detail.claim).toMatchObject({
      speaker: "Alison Rowe",
      speakerRole: "Shadow health secretary",
    });
  });

  it("adds, edits and removes a source with an audit row each, and keeps hostile text as typed", async () => {
    const { d, reviewer, claim } = await setup();
    const rc = ctxFor(d, reviewer);
    const source = await addSource(rc, {
      ...SOURCE_INPUT,
      claimId: claim.id,
      title: HOSTILE,
      excerpt: HOSTILE,
      note: HOSTILE,
    });
    expect(source).toMatchObject({ title: HOSTILE, excerpt: HOSTILE, addedBy: reviewer.id });
    const edited = await editSource(rc, {
      ...SOURCE_INPUT,
      sourceId: source.id,
      version: source.version,
      title: "Renamed",
      stance: "refutes",
    });
    expect(edited).toMatchObject({ title: "Renamed", stance: "refutes", version: 2 });
    await removeSource(rc, { sourceId: source.id, version: edited.version });
    expect(await d.select().from(sources).where(eq(sources.id, source.id))).toHaveLength(0);
    const audit = await d.select().from(auditEvents).where(eq(auditEvents.entityId, source.id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "source.add",
      "source.edit",
      "source.remove",
    ]);
  });

  it("refuses javascript: and data: URLs with a field error and stores nothing", async () => {
    const { d, reviewer, claim } = await setup();
    for (const url of ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4="]) {
      const error = (await addSource(ctxFor(d, reviewer), {
        ...SOURCE_INPUT,
        claimId: claim.id,
        url,
      }).catch((e: unknown) => e)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.fieldErrors.url?.[0]).toMatch(/http/);
    }
    expect(await d.select().from(sources).where(eq(sources.claimId, claim.id))).toHaveLength(0);
  });

  it("refuses a stale source edit with who changed it, and keeps the other edit", async () => {
    const { d, reviewer, editor, claim } = await setup();
    const source = await addSource(ctxFor(d, reviewer), { ...SOURCE_INPUT, claimId: claim.id });
    await editSource(ctxFor(d, editor), {
      ...SOURCE_INPUT,
      sourceId: source.id,
      version: source.version,
      title: "Editor's title",
    });
    const error = await editSource(ctxFor(d, reviewer), {
      ...SOURCE_INPUT,
      sourceId: source.id,
      version: source.version,
      title: "Reviewer's title",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain(`changed by ${editor.name} at`);
    const [stored] = await d.select().from(sources).where(eq(sources.id, source.id));
    expect(stored?.title).toBe("Editor's title");
    await expect(
      removeSource(ctxFor(d, reviewer), { sourceId: source.id, version: source.version }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps the last source of a pending verdict", async () => {
    const { d, reviewer, claim } = await setup();
    const rc = ctxFor(d, reviewer);
    const taken = await takeClaim(rc, { claimId: claim.id, version: claim.version });
    const source = await addSource(rc, { ...SOURCE_INPUT, claimId: claim.id });
    await proposeVerdict(rc, {
      claimId: claim.id,
      version: taken.version,
      rating: "true",
      rationale: RATIONALE,
    });
    await expect(
      removeSource(rc, { sourceId: source.id, version: source.version }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("stores comments as typed with resolved @mentions, which reach the mentioned user's queue", async () => {
    const { d, reviewer, editor, claim } = await setup();
    const body = `@${editor.name} can you look? ${HOSTILE} @${reviewer.email.split("@")[0]}`;
    const comment = await addComment(ctxFor(d, reviewer), { claimId: claim.id, body });
    expect(comment.body).toBe(body.trim());
    expect([...comment.mentions].sort()).toEqual([editor.id, reviewer.id].sort());
    const queue = await getMyQueue(ctxFor(d, editor));
    expect(queue.mentions.map((m) => m.commentId)).toContain(comment.id);
    expect(queue.mentions.find((m) => m.commentId === comment.id)).toMatchObject({
      claimId: claim.id,
      authorName: reviewer.name,
    });
    await expect(
      addComment(ctxFor(d, reviewer), { claimId: claim.id, body: "   " }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      addComment(ctxFor(d, reviewer), { claimId: crypto.randomUUID(), body: "hi" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await d.select().from(comments).where(eq(comments.claimId, claim.id))).toHaveLength(1);
  });

  it("builds each user's queue: assigned by status, returned with the note, editors' approvals oldest first", async () => {
    const { d, reviewer, editor, article, claim } = await setup();
    const rc = ctxFor(d, reviewer);
    const ec = ctxFor(d, editor);
    const second = await makeClaim(d, article, { start: 3, end: 15 });
    const assigned = await assignClaim(ec, {
      claimId: second.id,
      version: second.version,
      assigneeId: reviewer.id,
    });
    const taken = await takeClaim(rc, { claimId: claim.id, version: claim.version });
    await addSource(rc, { ...SOURCE_INPUT, claimId: claim.id });
    const proposed = await proposeVerdict(rc, {
      claimId: claim.id,
      version: taken.version,
      rating: "mostly_false",
      rationale: RATIONALE,
    });

    // An older pending proposal by the editor, on another article.
    const otherArticle = await makeArticle(d);
    const third = await makeClaim(d, otherArticle);
    let queue = await getMyQueue(rc);
    expect(queue.isEditor).toBe(false);
    expect(queue.waiting).toEqual([]);
    expect(queue.assigned.map((c) => [c.claimId, c.status])).toEqual(
      expect.arrayContaining([
        [second.id, "open"],
        [claim.id, "pending_approval"],
      ]),
    );
    expect(queue.open.map((c) => c.claimId)).toContain(third.id);
    expect(queue.open.map((c) => c.claimId)).not.toContain(second.id);

    const thirdTaken = await takeClaim(ec, { claimId: third.id, version: third.version });
    await addSource(ec, { ...SOURCE_INPUT, claimId: third.id });
    await proposeVerdict(ec, {
      claimId: third.id,
      version: thirdTaken.version,
      rating: "true",
      rationale: RATIONALE,
    });
    queue = await getMyQueue(ec);
    const waiting = queue.waiting.filter((w) => [claim.id, third.id].includes(w.claimId));
    expect(waiting.map((w) => [w.claimId, w.proposedByMe])).toEqual([
      [claim.id, false],
      [third.id, true],
    ]);

    await returnVerdict(ec, {
      claimId: claim.id,
      version: proposed.claim.version,
      note: "Which census year is this?",
    });
    queue = await getMyQueue(rc);
    expect(queue.returned).toEqual([
      expect.objectContaining({
        claimId: claim.id,
        note: "Which census year is this?",
        returnedByName: editor.name,
      }),
    ]);
    expect(assigned.assigneeId).toBe(reviewer.id);
  });

  it("shows the claim page's data: context, sources, verdict history and a timeline of who did what", async () => {
    const { d, reviewer, editor, article, claim } = await setup();
    const rc = ctxFor(d, reviewer);
    const taken = await takeClaim(rc, { claimId: claim.id, version: claim.version });
    await addSource(rc, { ...SOURCE_INPUT, claimId: claim.id });
    const proposed = await proposeVerdict(rc, {
      claimId: claim.id,
      version: taken.version,
      rating: "mostly_true",
      rationale: RATIONALE,
    });
    await addComment(rc, { claimId: claim.id, body: `@${editor.name} ready` });
    let detail = await getClaimDetail(ctxFor(d, editor), {
      articleId: article.id,
      claimId: claim.id,
    });
    expect(detail.allowed).toEqual(["assign", "approve", "return"]);
    expect(detail.me.approvalRefused).toBeNull();
    const self = await getClaimDetail(rc, { articleId: article.id, claimId: claim.id });
    expect(self.allowed).toEqual([]);
    expect(self.me).toMatchObject({ canAct: true, canEditSources: true, approvalRefused: null });
    expect(detail.context.quote).toBe(claim.text);
    expect(detail.claim.assigneeName).toBe(reviewer.name);
    expect(detail.sources).toHaveLength(1);
    expect(detail.comments[0]?.mentionNames).toEqual([editor.name]);
    await approveVerdict(ctxFor(d, editor), { claimId: claim.id, version: proposed.claim.version });
    detail = await getClaimDetail(rc, { articleId: article.id, claimId: claim.id });
    expect(detail.verdicts[0]).toMatchObject({ state: "approved", approvedByName: editor.name });
    expect(detail.timeline.map((t) => [t.actor, t.summary])).toEqual([
      [reviewer.name, "took the claim (open → in review)"],
      [reviewer.name, `added the source "${SOURCE_INPUT.title}"`],
      [reviewer.name, 'proposed the verdict "Mostly true" (in review → pending approval)'],
      [reviewer.name, "commented"],
      [editor.name, 'approved the verdict "Mostly true" (pending approval → approved)'],
    ]);
    // Another article's id, or nonsense, answers "not found".
    const other = await makeArticle(d);
    await expect(
      getClaimDetail(rc, { articleId: other.id, claimId: claim.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getClaimDetail(rc, { articleId: "nope", claimId: claim.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
