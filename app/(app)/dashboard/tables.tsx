import type { Dashboard } from "@/lib/services/dashboard/get-dashboard";
import { ARTICLE_LIMIT } from "@/lib/services/dashboard/get-dashboard";
import type { ArticleSort } from "@/lib/validation/dashboard";
import { EmptyState } from "../../_components/empty-state";
import { DataTable } from "./data-table";
import { pct, STATUS_LABEL } from "./labels";
import { claimsHref, dashboardHref } from "./links";

// Plain anchors, not next/link: these tables hold hundreds of links, and a client Link each
// (with viewport prefetching) costs more server time than the queries behind the numbers.

function SortHeader({ d, sort, label }: { d: Dashboard; sort: ArticleSort; label: string }) {
  const active = d.articleSort === sort;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort === "title" ? "ascending" : "descending") : undefined}
      className={sort === "title" ? undefined : "n"}
    >
      <a
        href={`${dashboardHref(d.filters, { articleSort: sort })}#articles`}
        className="text-accent underline-offset-2 hover:underline"
      >
        {label}
        {active ? (sort === "title" ? " ▲" : " ▼") : ""}
        <span className="sr-only">{active ? " (sorted)" : ", sort by this column"}</span>
      </a>
    </th>
  );
}

export function ArticleTable({ d }: { d: Dashboard }) {
  const f = d.filters;
  // Per-article numbers count all of an article's claims, so the links drop the period.
  const of = (articleId: string, status?: string) =>
    claimsHref(f, { from: undefined, to: undefined, article: articleId, status });
  return (
    <section aria-labelledby="articles" className="space-y-3">
      <h2 id="articles" className="text-lg font-semibold">
        Progress by article
      </h2>
      <p className="text-sm text-muted">
        Articles imported in the period, up to {ARTICLE_LIMIT}; choose a column heading to sort.
        “Open” counts claims open or in review.
      </p>
      {d.articles.length === 0 ? (
        <EmptyState title="No articles imported in this period">
          Import an article from the Articles page, or widen the dates above.
        </EmptyState>
      ) : (
        <DataTable caption="Progress by article">
          <thead>
            <tr>
              <SortHeader d={d} sort="title" label="Article" />
              <SortHeader d={d} sort="claims" label="Claims" />
              <SortHeader d={d} sort="approved" label="Approved" />
              <SortHeader d={d} sort="pending" label="Pending" />
              <SortHeader d={d} sort="open" label="Open" />
            </tr>
          </thead>
          <tbody>
            {d.articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <a
                    href={`/articles/${a.id}`}
                    className="font-medium text-accent underline-offset-2 hover:underline"
                  >
                    {a.title}
                  </a>
                  {a.outlet ? <span className="block text-xs text-muted">{a.outlet}</span> : null}
                </td>
                <td className="n">
                  <a href={of(a.id)}>{a.claims}</a>
                </td>
                <td className="n">
                  <a href={of(a.id, "approved")}>{a.approved}</a>
                </td>
                <td className="n">
                  <a href={of(a.id, "pending_approval")}>{a.pending}</a>
                </td>
                <td className="n">
                  <a href={of(a.id, "open,in_review")}>{a.open}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

export function ReviewerTable({ d }: { d: Dashboard }) {
  const f = d.filters;
  const verdicts = (id: string, basis: string) =>
    claimsHref(f, { reviewer: undefined, proposer: id, basis });
  return (
    <section aria-labelledby="reviewers" className="space-y-3">
      <h2 id="reviewers" className="text-lg font-semibold">
        Reviewers: workload and throughput
      </h2>
      <p className="text-sm text-muted">
        Assigned open: claims imported in the period, assigned to them, open or in review. Proposed,
        approved and returned count their verdicts by the week it happened (a claim proposed again
        after a return counts twice); returned share is returns out of editors’ decisions.
      </p>
      {d.reviewers.length === 0 ? (
        <EmptyState title="No reviewers yet">
          An admin adds reviewers on the Users page; assign them claims to see their work here.
        </EmptyState>
      ) : (
        <DataTable caption="Reviewers: workload and throughput">
          <thead>
            <tr>
              <th scope="col">Reviewer</th>
              <th scope="col" className="n">
                Assigned open
              </th>
              <th scope="col" className="n">
                Proposed
              </th>
              <th scope="col" className="n">
                Approved
              </th>
              <th scope="col" className="n">
                Returned by editors
              </th>
            </tr>
          </thead>
          <tbody>
            {d.reviewers.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td className="n">
                  <a href={claimsHref(f, { reviewer: r.id, status: "open,in_review" })}>
                    {r.assignedOpen}
                  </a>
                </td>
                <td className="n">
                  <a href={verdicts(r.id, "proposed")}>{r.proposed}</a>
                </td>
                <td className="n">
                  <a href={verdicts(r.id, "verdict_approved")}>{r.approved}</a>
                </td>
                <td className="n">
                  <a href={verdicts(r.id, "returned")}>
                    {r.returnedShare === null ? "—" : pct(r.returnedShare)}
                    <span className="text-muted"> ({r.returned})</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function age(from: Date, now: number): string {
  const hours = Math.max(0, (now - from.getTime()) / 3_600_000);
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} d`;
}

export function OldestTable({ d }: { d: Dashboard }) {
  const now = Date.now();
  return (
    <section aria-labelledby="oldest" className="space-y-3">
      <h2 id="oldest" className="text-lg font-semibold">
        Oldest unfinished claims
      </h2>
      <p className="text-sm text-muted">
        The 20 oldest claims of the period that are open, in review or waiting for approval.
      </p>
      {d.oldest.length === 0 ? (
        <EmptyState title="Nothing waiting">
          Every claim of this period is approved or dismissed. Widen the dates to look further back.
        </EmptyState>
      ) : (
        <DataTable caption="Oldest unfinished claims">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Article</th>
              <th scope="col">Status</th>
              <th scope="col" className="n">
                Age
              </th>
              <th scope="col">Assignee</th>
            </tr>
          </thead>
          <tbody>
            {d.oldest.map((c) => (
              <tr key={c.id}>
                <td>
                  <a
                    href={`/articles/${c.articleId}/claims/${c.id}`}
                    className="line-clamp-2 text-accent underline-offset-2 hover:underline"
                  >
                    {c.text}
                  </a>
                </td>
                <td>
                  <a
                    href={`/articles/${c.articleId}`}
                    className="underline-offset-2 hover:underline"
                  >
                    {c.articleTitle}
                  </a>
                </td>
                <td>{STATUS_LABEL[c.status]}</td>
                <td className="n">
                  <time dateTime={c.createdAt.toISOString()}>{age(c.createdAt, now)}</time>
                </td>
                <td>{c.assigneeName ?? <span className="text-muted">Unassigned</span>}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
