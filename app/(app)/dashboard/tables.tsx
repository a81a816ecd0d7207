import type { ReactNode } from "react";
import { CLAIM_STATUS_LABEL } from "@/db/schema/constants";
import { attr, type Html, html } from "@/lib/html";
import type { ArticleSort } from "@/lib/validation/dashboard";
import { dataTable, th } from "../../_components/data-table";
import { EmptyState } from "../../_components/empty-state";
import { RawHtml } from "../../_components/raw-html";
import { pct } from "./labels";
import { claimsHref, dashboardHref } from "./links";
import type { DashboardView } from "./view";

// Plain anchors, not next/link: these tables hold hundreds of links, and a client Link each
// (with viewport prefetching) costs more server time than the queries behind the numbers. The
// tables themselves are markup strings (lib/html.ts) for the same reason.

function sortHeader(d: DashboardView, sort: ArticleSort, label: string): Html {
  const active = d.articleSort === sort;
  const ariaSort = active ? (sort === "title" ? "ascending" : "descending") : null;
  return html`<th scope="col"${attr("aria-sort", ariaSort)}${attr("class", sort !== "title" && "n")}><a href="${dashboardHref(d.filters, { articleSort: sort })}#articles" class="text-accent underline-offset-2 hover:underline">${label}${active ? (sort === "title" ? " ▲" : " ▼") : ""}<span class="sr-only">${active ? " (sorted)" : ", sort by this column"}</span></a></th>`;
}

/** A dashboard table under its heading and note; with no rows, what to do instead. */
function TableSection({
  id,
  title,
  description,
  empty,
  head,
  rows,
}: {
  id: string;
  title: string;
  description: ReactNode;
  empty: ReactNode;
  head: Html;
  rows: Html[];
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="text-sm text-muted">{description}</p>
      {rows.length === 0 ? empty : <RawHtml html={dataTable(title, head, rows)} />}
    </section>
  );
}

export function ArticleTable({ d }: { d: DashboardView }) {
  const f = d.filters;
  // Per-article numbers count all of an article's claims, so the links drop the period.
  const of = (articleId: string, status?: string) =>
    claimsHref(f, { from: undefined, to: undefined, article: articleId, status });
  return (
    <TableSection
      id="articles"
      title="Progress by article"
      description={
        <>
          Articles imported in the period, up to {d.limits.articles}; choose a column heading to
          sort. “Open” counts claims open or in review.
        </>
      }
      empty={
        <EmptyState title="No articles imported in this period">
          Import an article from the Articles page, or widen the dates above.
        </EmptyState>
      }
      head={html`${sortHeader(d, "title", "Article")}${sortHeader(d, "claims", "Claims")}${sortHeader(d, "approved", "Approved")}${sortHeader(d, "pending", "Pending")}${sortHeader(d, "open", "Open")}`}
      rows={d.articles.map(
        (a) =>
          html`<tr><td><a href="/articles/${a.id}" class="font-medium text-accent underline-offset-2 hover:underline">${a.title}</a>${a.outlet ? html`<span class="block text-xs text-muted">${a.outlet}</span>` : null}</td><td class="n"><a href="${of(a.id)}">${a.claims}</a></td><td class="n"><a href="${of(a.id, "approved")}">${a.approved}</a></td><td class="n"><a href="${of(a.id, "pending_approval")}">${a.pending}</a></td><td class="n"><a href="${of(a.id, "open,in_review")}">${a.open}</a></td></tr>`,
      )}
    />
  );
}

export function ReviewerTable({ d }: { d: DashboardView }) {
  const f = d.filters;
  const verdicts = (id: string, basis: string) =>
    claimsHref(f, { reviewer: undefined, proposer: id, basis });
  return (
    <TableSection
      id="reviewers"
      title="Reviewers: workload and throughput"
      description={
        <>
          Assigned open: claims imported in the period, assigned to them, open or in review.
          Proposed, approved and returned count their verdicts by the week it happened (a claim
          proposed again after a return counts twice); returned share is returns out of editors’
          decisions.
        </>
      }
      empty={
        <EmptyState title="No reviewers yet">
          An admin adds reviewers on the Users page; assign them claims to see their work here.
        </EmptyState>
      }
      head={html`${th("Reviewer")}${th("Assigned open", true)}${th("Proposed", true)}${th("Approved", true)}${th("Returned by editors", true)}`}
      rows={d.reviewers.map(
        (r) =>
          html`<tr><td>${r.name}</td><td class="n"><a href="${claimsHref(f, { reviewer: r.id, status: "open,in_review" })}">${r.assignedOpen}</a></td><td class="n"><a href="${verdicts(r.id, "proposed")}">${r.proposed}</a></td><td class="n"><a href="${verdicts(r.id, "verdict_approved")}">${r.approved}</a></td><td class="n"><a href="${verdicts(r.id, "returned")}">${r.returnedShare === null ? "—" : pct(r.returnedShare)}<span class="text-muted"> (${r.returned})</span></a></td></tr>`,
      )}
    />
  );
}

export function OldestTable({ d }: { d: DashboardView }) {
  return (
    <TableSection
      id="oldest"
      title="Oldest unfinished claims"
      description={
        <>
          The {d.limits.oldest} oldest claims of the period that are open, in review or pending
          approval.
        </>
      }
      empty={
        <EmptyState title="Nothing waiting">
          Every claim of this period is approved or dismissed. Widen the dates to look further back.
        </EmptyState>
      }
      head={html`${th("Claim")}${th("Article")}${th("Status")}${th("Age", true)}${th("Assignee")}`}
      rows={d.oldest.map(
        (c) =>
          html`<tr><td><a href="/articles/${c.articleId}/claims/${c.id}" class="line-clamp-2 text-accent underline-offset-2 hover:underline">${c.text}</a></td><td><a href="/articles/${c.articleId}" class="underline-offset-2 hover:underline">${c.articleTitle}</a></td><td>${CLAIM_STATUS_LABEL[c.status]}</td><td class="n"><time datetime="${c.createdAt}">${c.age}</time></td><td>${c.assigneeName ?? html`<span class="text-muted">Unassigned</span>`}</td></tr>`,
      )}
    />
  );
}
