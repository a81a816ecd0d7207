"use client";

import Link from "next/link";
import { CLAIM_STATUS_LABEL, RATING_SCALE } from "@/db/schema/constants";
import { matchReasonWords, matchStrength } from "@/lib/claims/match-words";
import { formatDay, formatTime } from "@/lib/format-time";
import type { ClaimTracking, SeenBeforeRow } from "@/lib/services/tracking/get-claim-tracking";
import { Button } from "../../../../../_components/button";
import { decideMatchAction, rematchClaimAction } from "./actions";
import { useClaimAction } from "./use-claim-action";

interface Props {
  where: { articleId: string; claimId: string };
  rows: SeenBeforeRow[];
  tracked: ClaimTracking["tracked"];
  canDecide: boolean;
  canRematch: boolean;
  /** The score of a strong match (MATCH_STRONG_SCORE). */
  strongScore: number;
}

/**
 * "Seen before": earlier claims of other articles that this one may repeat, best first, with why
 * they were suggested; the reviewer says whether each is the same claim. The tracked claim this
 * claim belongs to, and a disagreement between its approved ratings, are shown above them.
 */
export function SeenBeforePanel({
  where,
  rows,
  tracked,
  canDecide,
  canRematch,
  strongScore,
}: Props) {
  const { pending, run } = useClaimAction();
  return (
    <section aria-labelledby="seen-before-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="seen-before-heading" className="text-xl font-semibold">
          Seen before
        </h2>
        {canRematch ? (
          <Button
            variant="secondary"
            busy={pending}
            onClick={() =>
              run(() => rematchClaimAction(where, {}), {
                success: "Looked again for earlier appearances of this claim.",
              })
            }
          >
            Look again
          </Button>
        ) : null}
      </div>
      {tracked ? <TrackedSummary tracked={tracked} /> : null}
      {rows.length === 0 ? (
        <p className="text-muted" data-testid="seen-before-empty">
          Nothing like this claim has been found in other articles.
        </p>
      ) : (
        <ol className="space-y-3" aria-label="Earlier appearances, best match first">
          {rows.map((row) => (
            <li key={row.matchId} className="rounded-lg border border-line bg-paper p-4">
              <EarlierAppearance
                where={where}
                row={row}
                canDecide={canDecide}
                strongScore={strongScore}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TrackedSummary({ tracked }: { tracked: NonNullable<Props["tracked"]> }) {
  return (
    <div className="space-y-2 rounded-lg border border-line bg-wash p-3 text-sm">
      <p>
        Tracked claim ({tracked.appearances}{" "}
        {tracked.appearances === 1 ? "appearance" : "appearances"}):{" "}
        <Link
          href={`/tracked/${tracked.id}`}
          className="text-accent underline"
          data-testid="tracked-claim-link"
        >
          {tracked.canonicalText}
        </Link>
      </p>
    </div>
  );
}

function EarlierAppearance({
  where,
  row,
  canDecide,
  strongScore,
}: {
  where: Props["where"];
  row: SeenBeforeRow;
  canDecide: boolean;
  strongScore: number;
}) {
  const { pending, run } = useClaimAction();
  const reasons = matchReasonWords(row.reasons);
  const decide = (decision: "same" | "not_same") =>
    run(() => decideMatchAction(where, { matchId: row.matchId, version: row.version, decision }), {
      success:
        decision === "same"
          ? "Linked: both appearances now belong to one tracked claim."
          : "Marked as not the same claim; it will not be suggested again.",
    });
  return (
    <article className="space-y-2" data-seen-before={row.matchId}>
      <blockquote id={`seen-before-${row.matchId}`} className="border-l-4 border-line pl-3">
        <bdi>{row.text}</bdi>
      </blockquote>
      <p className="text-sm">
        <Link href={`/articles/${row.articleId}`} className="text-accent underline">
          {row.articleTitle}
        </Link>
        {row.outlet ? (
          <>
            {" · "}
            <bdi>{row.outlet}</bdi>
          </>
        ) : null}
        {row.publishedOn ? ` · published ${formatDay(row.publishedOn)}` : ""}
        {" · "}
        <Link
          href={`/articles/${row.articleId}/claims/${row.matchId}`}
          className="text-accent underline"
          aria-label={`Open the earlier claim: ${row.text.slice(0, 60)}`}
        >
          Open claim
        </Link>
      </p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-muted">Speaker</dt>
          <dd>{row.speaker ? <bdi>{row.speaker}</bdi> : "Not attributed"}</dd>
        </div>
        <div>
          <dt className="text-muted">Status</dt>
          <dd>{CLAIM_STATUS_LABEL[row.status]}</dd>
        </div>
        <div>
          <dt className="text-muted">Approved rating</dt>
          <dd data-testid="seen-before-rating">
            {row.rating ? RATING_SCALE[row.rating].label : "None yet"}
            {row.approvedAt ? `, ${formatDay(row.approvedAt)}` : ""}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Match</dt>
          <dd>{matchStrength(row.score, strongScore)}</dd>
        </div>
      </dl>
      {reasons.length > 0 ? (
        <ul className="list-inside list-disc text-sm text-muted" aria-label="Why it was suggested">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      {row.state === "same" ? (
        <p className="text-sm font-medium">
          Marked the same claim by <bdi>{row.decidedByName ?? "a former user"}</bdi>
          {row.decidedAt ? ` on ${formatTime(row.decidedAt)}` : ""}.
        </p>
      ) : canDecide ? (
        <div className="flex flex-wrap gap-2">
          <Button
            busy={pending}
            aria-describedby={`seen-before-${row.matchId}`}
            onClick={() => decide("same")}
          >
            Same claim
          </Button>
          <Button
            variant="secondary"
            busy={pending}
            aria-describedby={`seen-before-${row.matchId}`}
            onClick={() => decide("not_same")}
          >
            Not the same
          </Button>
        </div>
      ) : null}
    </article>
  );
}
