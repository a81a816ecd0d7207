import Link from "next/link";
import { RATING_SCALE } from "@/db/schema/constants";
import type { DueRechecks } from "@/lib/services/queue/due-rechecks";

/**
 * Approved claims whose re-check date has come: the count and the longest overdue, each a link to
 * its claim page, where an editor re-opens it. The dashboard's filters do not apply.
 */
export function DueRechecksSection({ due }: { due: DueRechecks }) {
  return (
    <section aria-labelledby="due-recheck-heading" className="space-y-3">
      <h2 id="due-recheck-heading" className="text-xl font-semibold">
        Due for re-check{" "}
        <span className="text-base font-normal text-muted" data-testid="due-recheck-count">
          ({due.total})
        </span>
      </h2>
      {due.total === 0 ? (
        <p className="rounded-md border border-dashed border-line p-4 text-muted">
          No approved claim is due for re-check. Claims whose re-check date has come appear here,
          whatever the filters above.
        </p>
      ) : (
        <>
          <ol className="space-y-2" data-testid="dashboard-due-for-recheck">
            {due.claims.map((c) => (
              <li key={c.claimId} className="rounded-lg border border-line bg-paper p-3">
                <Link
                  href={`/articles/${c.articleId}/claims/${c.claimId}`}
                  className="font-medium text-accent underline-offset-2 hover:underline"
                >
                  {c.text.length > 160 ? `${c.text.slice(0, 157)}…` : c.text}
                </Link>
                <p className="text-sm text-muted">
                  Due since <time dateTime={c.recheckOn}>{c.recheckOn}</time>
                  {c.rating ? ` · ${RATING_SCALE[c.rating].label}` : ""}
                  {c.recheckReason ? ` · ${c.recheckReason}` : ""} · {c.articleTitle}
                </p>
              </li>
            ))}
          </ol>
          {due.total > due.claims.length ? (
            <p className="text-sm text-muted">
              The {due.claims.length} longest overdue of {due.total}.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
