import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CLAIM_STATUS_LABEL, type ClaimStatus, RATING_SCALE } from "@/db/schema/constants";
import { requirePageCtx } from "@/lib/auth/session";
import { formatTime } from "@/lib/format-time";
import { DUE_RECHECK_LIMIT } from "@/lib/services/queue/due-rechecks";
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

/** A queue section under its heading and count; with nothing in it, what would show here. */
function Section({
  id,
  title,
  count,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title} <span className="text-base font-normal text-muted">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="rounded-md border border-dashed border-line p-4 text-muted">{empty}</p>
      ) : (
        children
      )}
    </section>
  );
}

type QueueClaim = { articleId: string; claimId: string; text: string };

/** What someone wrote about the claim (a return note, a mention), then when and where. */
function Note({
  author,
  text,
  children,
}: {
  author: string;
  text: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <p className="mt-1 whitespace-pre-wrap break-words text-sm">
        <span className="font-medium">{author}:</span> {text}
      </p>
      <p className="text-xs text-muted">{children}</p>
    </>
  );
}

const articleLine = (c: { articleTitle: string }) => (
  <p className="text-sm text-muted">{c.articleTitle}</p>
);

/** Claims as cards: each its link, then what the queue says about it. */
function ClaimCards<T extends QueueClaim>({
  items,
  detail,
  ordered = false,
  testId,
  border = "border-line",
  keyOf = (c) => c.claimId,
}: {
  items: T[];
  detail: (item: T) => ReactNode;
  ordered?: boolean;
  testId?: string;
  border?: string;
  keyOf?: (item: T) => string;
}) {
  const List = ordered ? "ol" : "ul";
  return (
    <List className="space-y-2" data-testid={testId}>
      {items.map((c) => (
        <li key={keyOf(c)} className={`rounded-lg border ${border} bg-paper p-3`}>
          <ClaimLink claim={c} />
          {detail(c)}
        </li>
      ))}
    </List>
  );
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
        <Section
          id="waiting"
          title="Pending approval, oldest first"
          count={q.waiting.length}
          empty="No verdicts are waiting. Proposals from reviewers appear here."
        >
          <ClaimCards
            items={q.waiting}
            ordered
            testId="waiting-for-approval"
            detail={(w) => (
              <>
                <p className="text-sm text-muted">
                  {RATING_SCALE[w.rating].label} · proposed by {w.proposedByName ?? "a former user"}{" "}
                  on {formatTime(w.proposedAt)} · {w.articleTitle}
                </p>
                {w.proposedByMe ? (
                  <p className="text-sm">You proposed this; another editor must approve it.</p>
                ) : null}
              </>
            )}
          />
        </Section>
      ) : null}

      <Section
        id="due-recheck"
        title="Due for re-check"
        count={q.due.total}
        empty="No approved claim is due for re-check. Claims whose re-check date has come appear here."
      >
        <ClaimCards
          items={q.due.claims}
          testId="due-for-recheck"
          detail={(c) => (
            <p className="text-sm text-muted">
              Due since <time dateTime={c.recheckOn}>{c.recheckOn}</time>
              {c.rating ? ` · ${RATING_SCALE[c.rating].label}` : ""}
              {c.recheckReason ? ` · ${c.recheckReason}` : ""} · {c.articleTitle}
            </p>
          )}
        />
        {q.due.total > q.due.claims.length ? (
          <p className="text-sm text-muted">
            Showing the {DUE_RECHECK_LIMIT} longest overdue of {q.due.total}.
          </p>
        ) : null}
      </Section>

      <Section
        id="returned"
        title="Returned to you"
        count={q.returned.length}
        empty="No verdicts were returned to you. When an editor asks for changes, the note shows here."
      >
        <ClaimCards
          items={q.returned}
          border="border-danger"
          detail={(r) => (
            <Note author={r.returnedByName ?? "An editor"} text={r.note}>
              {r.returnedAt ? formatTime(r.returnedAt) : ""} · {r.articleTitle}
            </Note>
          )}
        />
      </Section>

      <Section
        id="assigned"
        title="Assigned to you"
        count={q.assigned.length}
        empty="No claims are assigned to you. Take an open claim below to start."
      >
        {MY_STATUSES.map((status) => {
          const rows = q.assigned.filter((c) => c.status === status);
          if (rows.length === 0) return null;
          return (
            <div key={status} className="space-y-2">
              <h3 className="font-semibold">{CLAIM_STATUS_LABEL[status]}</h3>
              <ClaimCards items={rows} detail={articleLine} />
            </div>
          );
        })}
      </Section>

      <Section
        id="mentions"
        title="Mentions"
        count={q.mentions.length}
        empty="Nobody has mentioned you. Comments that name you with @ appear here."
      >
        <ClaimCards
          items={q.mentions}
          keyOf={(m) => m.commentId}
          detail={(m) => (
            <Note author={m.authorName ?? "A former user"} text={m.body}>
              {formatTime(m.createdAt)}
            </Note>
          )}
        />
      </Section>

      <Section
        id="approved"
        title="Recently approved"
        count={q.approved.length}
        empty="None of your claims is approved yet."
      >
        <ClaimCards
          items={q.approved}
          testId="recently-approved"
          detail={(c) => (
            <p className="text-sm text-muted">
              <StatusBadge status={c.status} /> {c.rating ? RATING_SCALE[c.rating].label : ""}
              {c.approvedAt ? ` · ${formatTime(c.approvedAt)}` : ""} · {c.articleTitle}
            </p>
          )}
        />
      </Section>

      <Section
        id="open"
        title="Open claims nobody has taken"
        count={q.open.length}
        empty="Every claim has someone on it. Import an article to find new claims."
      >
        <ClaimCards items={q.open} testId="open-claims" detail={articleLine} />
        {q.open.length >= OPEN_CLAIMS_LIMIT ? (
          <p className="text-sm text-muted">
            Showing the first {OPEN_CLAIMS_LIMIT}; open an article to see all of its claims.
          </p>
        ) : null}
      </Section>
    </div>
  );
}
