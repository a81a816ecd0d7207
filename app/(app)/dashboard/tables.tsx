import Link from "next/link";
import type { Dashboard } from "@/lib/services/dashboard/get-dashboard";
import { ARTICLE_LIMIT } from "@/lib/services/dashboard/get-dashboard";
import type { ArticleSort } from "@/lib/validation/dashboard";
import { EmptyState } from "../../_components/empty-state";
import { Table, Td, Th } from "../../_components/table";
import { pct, STATUS_LABEL } from "./labels";
import { claimsHref, dashboardHref } from "./links";

const numberLink = "tabular-nums text-accent underline-offset-2 hover:underline";

function SortHeader({ d, sort, label }: { d: Dashboard; sort: ArticleSort; label: string }) {
  const active = d.articleSort === sort;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort === "title" ? "ascending" : "descending") : undefined}
      className={`border-b border-line bg-wash px-3 py-2 font-semibold ${sort === "title" ? "" : "text-right"}`}
    >
      <Link
        href={`${dashboardHref(d.filters, { articleSort: sort })}#articles`}
        className="text-accent underline-offset-2 hover:underline"
      >
        {label}
        {active ? (sort === "title" ? " ▲" : " ▼") : ""}
        <span className="sr-only">{active ? " (sorted)" : ", sort by this column"}</span>
      </Link>
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
        <Table caption="Progress by article">
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
                <Td>
                  <Link
                    href={`/articles/${a.id}`}
                    className="font-medium text-accent underline-offset-2 hover:underline"
                  >
                    {a.title}
                  </Link>
                  {a.outlet ? <span className="block text-xs text-muted">{a.outlet}</span> : null}
                </Td>
                <Td className="text-right">
                  <Link className={numberLink} href={of(a.id)}>
                    {a.claims}
                  </Link>
                </Td>
                <Td className="text-right">
                  <Link className={numberLink} href={of(a.id, "approved")}>
                    {a.approved}
                  </Link>
                </Td>
                <Td className="text-right">
                  <Link className={numberLink} href={of(a.id, "pending_approval")}>
                    {a.pending}
                  </Link>
                </Td>
                <Td className="text-right">
                  <Link className={numberLink} href={of(a.id, "open,in_review")}>
                    {a.open}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
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
        <Table caption="Reviewers: workload and throughput">
          <thead>
            <tr>
              <Th>Reviewer</Th>
              <Th className="text-right">Assigned open</Th>
              <Th className="text-right">Proposed</Th>
              <Th className="text-right">Approved</Th>
              <Th className="text-right">Returned by editors</Th>
            </tr>
          </thead>
          <tbody>
            {d.reviewers.map((r) => (
              <tr key={r.id}>
                <Td>{r.name}</Td>
                <Td className="text-right">
                  <Link
                    className={numberLink}
                    href={claimsHref(f, { reviewer: r.id, status: "open,in_review" })}
                  >
                    {r.assignedOpen}
                  </Link>
                </Td>
                <Td className="text-right">
                  <Link className={numberLink} href={verdicts(r.id, "proposed")}>
                    {r.proposed}
                  </Link>
                </Td>
                <Td className="text-right">
                  <Link className={numberLink} href={verdicts(r.id, "verdict_approved")}>
                    {r.approved}
                  </Link>
                </Td>
                <Td className="text-right">
                  <Link className={numberLink} href={verdicts(r.id, "returned")}>
                    {r.returnedShare === null ? "—" : pct(r.returnedShare)}
                    <span className="text-muted"> ({r.returned})</span>
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
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
        <Table caption="Oldest unfinished claims">
          <thead>
            <tr>
              <Th>Claim</Th>
              <Th>Article</Th>
              <Th>Status</Th>
              <Th className="text-right">Age</Th>
              <Th>Assignee</Th>
            </tr>
          </thead>
          <tbody>
            {d.oldest.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link
                    href={`/articles/${c.articleId}/claims/${c.id}`}
                    className="line-clamp-2 text-accent underline-offset-2 hover:underline"
                  >
                    {c.text}
                  </Link>
                </Td>
                <Td>
                  <Link
                    href={`/articles/${c.articleId}`}
                    className="underline-offset-2 hover:underline"
                  >
                    {c.articleTitle}
                  </Link>
                </Td>
                <Td>{STATUS_LABEL[c.status]}</Td>
                <Td className="text-right tabular-nums">
                  <time dateTime={c.createdAt.toISOString()}>{age(c.createdAt, now)}</time>
                </Td>
                <Td>{c.assigneeName ?? <span className="text-muted">Unassigned</span>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
