import type { Metadata } from "next";
import Link from "next/link";
import { CLAIM_KIND_LABEL, RATING_SCALE } from "@/db/schema/constants";
import { requirePageCtx } from "@/lib/auth/session";
import { valueWords } from "@/lib/claims/value-words";
import { formatTime } from "@/lib/format-time";
import { formatSpeaker } from "@/lib/reports/model";
import { getClaimTracking } from "@/lib/services/tracking/get-claim-tracking";
import { getClaimDetail } from "@/lib/services/workflow/get-claim-detail";
import { InconsistencyAlert } from "../../../../../_components/inconsistency-alert";
import { StatusBadge } from "../../../../../_components/status-badge";
import { CommentsPanel } from "./comments-panel";
import { RecheckPanel } from "./recheck-panel";
import { SeenBeforePanel } from "./seen-before-panel";
import { SourcesPanel } from "./sources-panel";
import { VerdictPanel } from "./verdict-panel";
import { WorkflowControls } from "./workflow-controls";

export const metadata: Metadata = { title: "Claim" };

export default async function ClaimPage({
  params,
}: {
  params: Promise<{ articleId: string; claimId: string }>;
}) {
  const where = await params;
  const ctx = await requirePageCtx(`/articles/${where.articleId}/claims/${where.claimId}`);
  const [detail, tracking] = await Promise.all([
    getClaimDetail(ctx, where),
    getClaimTracking(ctx, { claimId: where.claimId }),
  ]);
  const { claim, context, me, allowed } = detail;
  const values = valueWords(claim.values);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        {/* ?claim= makes the article page open on this claim in its list. */}
        <Link
          href={`/articles/${claim.articleId}?claim=${claim.id}`}
          className="text-accent underline"
        >
          {claim.articleTitle}
        </Link>{" "}
        <span aria-hidden="true">›</span> Claim
      </nav>

      <header className="space-y-3">
        <h1 className="text-2xl font-bold">Claim</h1>
        <figure className="rounded-lg border border-line bg-paper p-4">
          <figcaption className="sr-only">The claim in its paragraph</figcaption>
          <p className="whitespace-pre-wrap leading-relaxed">
            {context.before}
            <mark className="rounded bg-yellow-100 px-0.5 font-medium text-ink">
              {context.quote}
            </mark>
            {context.after}
          </p>
        </figure>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-muted">Status</dt>
            <dd>
              <StatusBadge status={claim.status} />
            </dd>
          </div>
          <div>
            <dt className="text-muted">Assignee</dt>
            <dd data-testid="claim-assignee">{claim.assigneeName ?? "Nobody yet"}</dd>
          </div>
          <div>
            <dt className="text-muted">Kind</dt>
            <dd>{CLAIM_KIND_LABEL[claim.kind]}</dd>
          </div>
          <div>
            <dt className="text-muted">Speaker</dt>
            <dd data-testid="claim-speaker">
              {claim.speaker ? <bdi>{formatSpeaker(claim)}</bdi> : "Not attributed"}
            </dd>
          </div>
          <div className="col-span-2">
            <dt className="text-muted">Values</dt>
            <dd data-testid="claim-values">{values || "None found"}</dd>
          </div>
          <div>
            <dt className="text-muted">Check-worthiness</dt>
            <dd data-testid="claim-score" className="tabular-nums">
              {claim.score.toFixed(2)} <span className="text-muted">out of 1</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted">Rating</dt>
            <dd>
              {claim.rating ? RATING_SCALE[claim.rating].label : "—"}
              {claim.approvedAt ? ` (${formatTime(claim.approvedAt)})` : ""}
            </dd>
          </div>
        </dl>
        {!me.canAct ? (
          <p className="rounded-md bg-wash p-3 text-sm">
            This claim is assigned to <bdi>{claim.assigneeName ?? "someone else"}</bdi>; you can
            read it and comment, and an editor can reassign it.
          </p>
        ) : null}
        {claim.status === "approved" ? (
          <p className="rounded-md bg-wash p-3 text-sm">
            Approved claims are read-only. An editor can reopen the claim with a reason.
          </p>
        ) : null}
        {tracking.tracked?.inconsistent ? (
          <InconsistencyAlert ratings={tracking.tracked.ratings} />
        ) : null}
        <WorkflowControls
          where={where}
          claim={claim}
          allowed={allowed}
          assignees={detail.assignees}
        />
      </header>

      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div className="min-w-0 space-y-8">
          <SourcesPanel where={where} sources={detail.sources} editable={me.canEditSources} />
          <VerdictPanel
            where={where}
            claim={claim}
            verdicts={detail.verdicts}
            sourceCount={detail.sources.length}
            allowed={allowed}
            approvalRefused={me.approvalRefused}
            reusable={detail.reusableVerdict}
          />
          <SeenBeforePanel
            where={where}
            rows={tracking.seenBefore}
            tracked={tracking.tracked}
            canDecide={tracking.canDecide}
            canRematch={tracking.canRematch}
            strongScore={tracking.strongScore}
          />
          <RecheckPanel
            where={where}
            claim={claim}
            today={new Date().toISOString().slice(0, 10)}
            editable={me.canSetRecheck}
            canReopen={allowed.includes("reopen")}
          />
        </div>
        <div className="min-w-0 space-y-8">
          <CommentsPanel where={where} comments={detail.comments} />
          <section aria-labelledby="timeline-heading" className="space-y-3">
            <h2 id="timeline-heading" className="text-xl font-semibold">
              Activity
            </h2>
            {detail.timeline.length === 0 ? (
              <p className="text-muted">Nothing has happened to this claim yet.</p>
            ) : (
              <ol className="space-y-2" data-testid="timeline">
                {detail.timeline.map((entry) => (
                  <li key={entry.id} className="border-l-2 border-line pl-3 text-sm">
                    <p>
                      <span className="font-medium">{entry.actor}</span>{" "}
                      <span>{entry.summary}</span>
                    </p>
                    {entry.detail ? (
                      <p className="whitespace-pre-wrap break-words text-muted">{entry.detail}</p>
                    ) : null}
                    <p className="text-xs text-muted">
                      <time dateTime={entry.at.toISOString()}>{formatTime(entry.at)}</time>
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
