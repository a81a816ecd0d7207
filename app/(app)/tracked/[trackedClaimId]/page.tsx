import type { Metadata } from "next";
import Link from "next/link";
import { VerdictByline } from "@/app/_components/verdict-byline";
import { CLAIM_STATUS_LABEL, RATING_SCALE } from "@/db/schema/constants";
import { requirePageCtx } from "@/lib/auth/session";
import { formatDay, formatTime } from "@/lib/format-time";
import { getTrackedClaim } from "@/lib/services/tracking/get-tracked-claim";
import { InconsistencyAlert } from "../../../_components/inconsistency-alert";
import { CanonicalForm } from "./canonical-form";
import { UnlinkButton } from "./unlink-button";

export const metadata: Metadata = { title: "Tracked claim" };

const VERDICT_STATE = {
  proposed: "Proposed",
  approved: "Approved",
  returned: "Returned",
  superseded: "Superseded",
} as const;

/** One claim followed across articles: its wording, its appearances over time, its verdicts. */
export default async function TrackedClaimPage({
  params,
}: {
  params: Promise<{ trackedClaimId: string }>;
}) {
  const { trackedClaimId } = await params;
  const ctx = await requirePageCtx(`/tracked/${trackedClaimId}`);
  // An unknown id throws NotFoundError, which not-found.tsx answers (404).
  const view = await getTrackedClaim(ctx, trackedClaimId);
  const { tracked, appearances, currentRating } = view;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm text-muted">Tracked claim</p>
        <h1 className="text-2xl font-bold" data-testid="canonical-text">
          <bdi>{tracked.canonicalText}</bdi>
        </h1>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-muted">Current rating</dt>
            <dd data-testid="current-rating">
              {currentRating ? (
                <>
                  {RATING_SCALE[currentRating.rating].label}
                  {currentRating.approvedAt
                    ? `, approved ${formatDay(currentRating.approvedAt)}`
                    : ""}
                </>
              ) : (
                "No approved verdict yet"
              )}
            </dd>
          </div>
          <div>
            <dt className="text-muted">Outlets</dt>
            <dd>{view.outlets.length > 0 ? view.outlets.join(", ") : "None named"}</dd>
          </div>
          <div>
            <dt className="text-muted">Speakers</dt>
            <dd>{view.speakers.length > 0 ? view.speakers.join(", ") : "Not attributed"}</dd>
          </div>
        </dl>
        {view.inconsistent ? (
          <InconsistencyAlert ratings={view.approvedRatings.map((rating) => ({ rating }))} />
        ) : null}
        {view.can.edit ? (
          <CanonicalForm
            // A saved wording starts the form again from it.
            key={tracked.version}
            trackedClaimId={tracked.id}
            canonicalText={tracked.canonicalText}
            version={tracked.version}
          />
        ) : null}
      </header>

      <section aria-labelledby="appearances-heading" className="space-y-3">
        <h2 id="appearances-heading" className="text-xl font-semibold">
          Appearances over time{" "}
          <span className="text-base font-normal text-muted">({appearances.length})</span>
        </h2>
        {appearances.length === 0 ? (
          <p className="text-muted">
            No appearance is linked to this tracked claim any more. Mark a suggestion "Same claim"
            on a claim's page to link one.
          </p>
        ) : (
          <ol className="space-y-3" data-testid="appearances">
            {appearances.map((a) => (
              <li key={a.id} className="border-l-4 border-line pl-4">
                <p className="text-sm text-muted">
                  {a.publishedOn
                    ? `Published ${formatDay(a.publishedOn)}`
                    : `Imported ${formatDay(a.importedAt)} (no publication date)`}
                  {a.outlet ? (
                    <>
                      {" · "}
                      <bdi>{a.outlet}</bdi>
                    </>
                  ) : null}
                </p>
                <p className="font-medium">
                  <Link href={`/articles/${a.articleId}`} className="text-accent underline">
                    {a.articleTitle}
                  </Link>
                </p>
                <blockquote className="mt-1">
                  <bdi>{a.text}</bdi>
                </blockquote>
                <p className="mt-1 text-sm">
                  {a.speaker ? (
                    <>
                      Speaker: <bdi>{a.speaker}</bdi>
                      {" · "}
                    </>
                  ) : null}
                  {CLAIM_STATUS_LABEL[a.status]}
                  {a.rating ? ` · ${RATING_SCALE[a.rating].label}` : ""}
                  {" · "}
                  <Link
                    href={`/articles/${a.articleId}/claims/${a.id}`}
                    className="text-accent underline"
                    aria-label={`Open the claim in ${a.articleTitle}`}
                  >
                    Open claim
                  </Link>
                </p>
                {view.can.edit ? (
                  <div className="mt-2">
                    <UnlinkButton
                      trackedClaimId={tracked.id}
                      claimId={a.id}
                      version={a.version}
                      label={a.articleTitle}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="verdicts-heading" className="space-y-3">
        <h2 id="verdicts-heading" className="text-xl font-semibold">
          Verdict history
        </h2>
        {view.verdictHistory.length === 0 ? (
          <p className="text-muted">No verdict has been proposed on any appearance yet.</p>
        ) : (
          <ol className="space-y-2">
            {view.verdictHistory.map((v) => (
              <li key={v.id} className="rounded-md border border-line bg-paper p-3 text-sm">
                <p className="font-medium">
                  {VERDICT_STATE[v.state]}: {RATING_SCALE[v.rating].label}
                  {v.reused ? " (reused)" : ""}
                  {v.articleTitle ? (
                    <>
                      {" — "}
                      <Link
                        href={`/articles/${v.articleId}/claims/${v.claimId}`}
                        className="text-accent underline"
                      >
                        {v.articleTitle}
                      </Link>
                    </>
                  ) : null}
                </p>
                <VerdictByline verdict={v} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="text-sm text-muted">
        Tracked since {formatTime(tracked.createdAt)}
        {tracked.createdByName ? (
          <>
            , linked first by <bdi>{tracked.createdByName}</bdi>
          </>
        ) : null}
        .
      </p>
    </div>
  );
}
