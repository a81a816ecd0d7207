import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CLAIM_STATUS_LABEL, type ClaimStatus, RATING_SCALE } from "@/db/schema/constants";
import { requirePageCtx } from "@/lib/auth/session";
import { formatTime } from "@/lib/format-time";
import { getMyQueue, OPEN_CLAIMS_LIMIT } from "@/lib/services/queue/get-queue";
import { EmptyState } from "../../_components/empty-state";
import { StatusBadge } from "../../_components/status-badge";

export const metadata: Metadata = { title: "My queue" };

const MY_STATUSES: ClaimStatus[] = ["in_review", "open", "pending_approval"];

const claimHref = (c: { articleId: string; claimId: string }) =>
  `/articles/${c.articleId}/claims/${c.claimId}`;

function ClaimLink({ claim }: { claim: { articleId: string; claimId: string; text: string } }) {
  return (
    <Link
      href={claimHref(claim)}
      className="font-medium text-accent underline-offset-2 hover:underline"
    >
      {claim.text.length > 160 ? `${claim.text.slice(0, 157)}…` : claim.text}
    </Link>
  );
}

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title} <span className="text-base font-normal text-muted">({count})</span>
      </h2>
      {children}
    </section>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-dashed border-line p-4 text-muted">{children}</p>;
}

export default async function QueuePage() {
  const ctx = await requirePageCtx("/queue");
  const q = await getMyQueue(ctx);
  const nothingAtAll =
    q.assigned.length + q.returned.length + q.mentions.length + q.waiting.length === 0;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">My queue</h1>
      {nothingAtAll ? (
        <EmptyState title="Nothing is waiting for you">
          Take an open claim below, or open an article from{" "}
          <Link href="/articles" className="text-accent underline">
            Articles
          </Link>{" "}
          and pick a claim to check.
        </EmptyState>
      ) : null}

      {q.isEditor ? (
        <Section id="waiting" title="Pending approval, oldest first" count={q.waiting.length}>
          {q.waiting.length === 0 ? (
            <Empty>No verdicts are waiting. Proposals from reviewers appear here.</Empty>
          ) : (
            <ol className="space-y-2" data-testid="waiting-for-approval">
              {q.waiting.map((w) => (
                <li key={w.claimId} className="rounded-lg border border-line bg-paper p-3">
                  <ClaimLink claim={w} />
                  <p className="text-sm text-muted">
                    {RATING_SCALE[w.rating].label} · proposed by{" "}
                    {w.proposedByName ?? "a former user"} on {formatTime(w.proposedAt)} ·{" "}
                    {w.articleTitle}
                  </p>
                  {w.proposedByMe ? (
                    <p className="text-sm">You proposed this; another editor must approve it.</p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </Section>
      ) : null}

      <Section id="returned" title="Returned to you" count={q.returned.length}>
        {q.returned.length === 0 ? (
          <Empty>
            No verdicts were returned to you. When an editor asks for changes, the note shows here.
          </Empty>
        ) : (
          <ul className="space-y-2">
            {q.returned.map((r) => (
              <li key={r.claimId} className="rounded-lg border border-danger bg-paper p-3">
                <ClaimLink claim={r} />
                <p className="mt-1 whitespace-pre-wrap text-sm">
                  <span className="font-medium">{r.returnedByName ?? "An editor"}:</span> {r.note}
                </p>
                <p className="text-xs text-muted">
                  {r.returnedAt ? formatTime(r.returnedAt) : ""} · {r.articleTitle}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="assigned" title="Assigned to you" count={q.assigned.length}>
        {q.assigned.length === 0 ? (
          <Empty>No claims are assigned to you. Take an open claim below to start.</Empty>
        ) : (
          MY_STATUSES.map((status) => {
            const rows = q.assigned.filter((c) => c.status === status);
            if (rows.length === 0) return null;
            return (
              <div key={status} className="space-y-2">
                <h3 className="font-semibold">{CLAIM_STATUS_LABEL[status]}</h3>
                <ul className="space-y-2">
                  {rows.map((c) => (
                    <li key={c.claimId} className="rounded-lg border border-line bg-paper p-3">
                      <ClaimLink claim={c} />
                      <p className="text-sm text-muted">{c.articleTitle}</p>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </Section>

      <Section id="mentions" title="Mentions" count={q.mentions.length}>
        {q.mentions.length === 0 ? (
          <Empty>Nobody has mentioned you. Comments that name you with @ appear here.</Empty>
        ) : (
          <ul className="space-y-2">
            {q.mentions.map((m) => (
              <li key={m.commentId} className="rounded-lg border border-line bg-paper p-3">
                <ClaimLink claim={m} />
                <p className="mt-1 whitespace-pre-wrap break-words text-sm">
                  <span className="font-medium">{m.authorName ?? "A former user"}:</span> {m.body}
                </p>
                <p className="text-xs text-muted">{formatTime(m.createdAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="approved" title="Recently approved" count={q.approved.length}>
        {q.approved.length === 0 ? (
          <Empty>None of your claims is approved yet.</Empty>
        ) : (
          <ul className="space-y-2" data-testid="recently-approved">
            {q.approved.map((c) => (
              <li key={c.claimId} className="rounded-lg border border-line bg-paper p-3">
                <ClaimLink claim={c} />
                <p className="text-sm text-muted">
                  <StatusBadge status={c.status} /> {c.rating ? RATING_SCALE[c.rating].label : ""}
                  {c.approvedAt ? ` · ${formatTime(c.approvedAt)}` : ""} · {c.articleTitle}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="open" title="Open claims nobody has taken" count={q.open.length}>
        {q.open.length === 0 ? (
          <Empty>Every claim has someone on it. Import an article to find new claims.</Empty>
        ) : (
          <>
            <ul className="space-y-2" data-testid="open-claims">
              {q.open.map((c) => (
                <li key={c.claimId} className="rounded-lg border border-line bg-paper p-3">
                  <ClaimLink claim={c} />
                  <p className="text-sm text-muted">{c.articleTitle}</p>
                </li>
              ))}
            </ul>
            {q.open.length >= OPEN_CLAIMS_LIMIT ? (
              <p className="text-sm text-muted">
                Showing the first {OPEN_CLAIMS_LIMIT}; open an article to see all of its claims.
              </p>
            ) : null}
          </>
        )}
      </Section>
    </div>
  );
}
