"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import {
  CLAIM_KIND_LABEL,
  CLAIM_KINDS,
  CLAIM_PRIORITIES,
  CLAIM_PRIORITY_LABEL,
  CLAIM_STATUS_LABEL,
  CLAIM_STATUSES,
  type ClaimPriority,
  RATING_SCALE,
} from "@/db/schema/constants";
import { formatDay } from "@/lib/format-time";
import type { ArticleViewClaim } from "@/lib/services/articles/get-article";
import { LabelledSelect } from "../../../_components/field";
import { KIND_STYLE, STATUS_STYLE } from "./claim-style";

export interface Filters {
  kind?: string;
  status?: string;
  priority?: ClaimPriority;
}

/** The list's filters, each a select whose empty value means "any". */
const FILTERS = [
  {
    key: "kind",
    label: "Filter by kind",
    all: "All kinds",
    values: CLAIM_KINDS,
    labels: CLAIM_KIND_LABEL,
  },
  {
    key: "status",
    label: "Filter by status",
    all: "All statuses",
    values: CLAIM_STATUSES,
    labels: CLAIM_STATUS_LABEL,
  },
  {
    key: "priority",
    label: "Filter by priority",
    all: "All priorities",
    values: CLAIM_PRIORITIES,
    labels: CLAIM_PRIORITY_LABEL,
  },
] as const;

/**
 * The claim list beside the text: filters, the toolbar slot, and one row per claim. Unless the
 * priority filter picks a band, low-priority claims follow the others in a collapsed group, which
 * opens by itself when one of them is selected (from the text or with j/k).
 */
export function ClaimList({
  articleId,
  claims,
  total,
  selectedId,
  onSelect,
  filters,
  onFilter,
  toolbar,
  renderSelected,
  lowOpen,
  onLowToggle,
}: {
  /** Shown inside the selected claim's row (the edit panel), so it scrolls into view with it. */
  renderSelected?: (claim: ArticleViewClaim) => ReactNode;
  articleId: string;
  claims: ArticleViewClaim[];
  total: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
  filters: Filters;
  onFilter: (filters: Filters) => void;
  toolbar?: ReactNode;
  /** Whether the collapsed low-priority group is open. */
  lowOpen: boolean;
  onLowToggle: (open: boolean) => void;
}) {
  const grouped = !filters.priority;
  const main = grouped ? claims.filter((c) => c.priority !== "low") : claims;
  const low = grouped ? claims.filter((c) => c.priority === "low") : [];
  const item = (claim: ArticleViewClaim) => (
    <ClaimItem
      key={claim.id}
      articleId={articleId}
      claim={claim}
      selected={claim.id === selectedId}
      onSelect={onSelect}
    >
      {claim.id === selectedId ? renderSelected?.(claim) : null}
    </ClaimItem>
  );
  return (
    <section aria-labelledby="claims-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="claims-heading" className="text-lg font-semibold">
          Claims{" "}
          <span className="text-sm font-normal text-muted">
            {claims.length === total ? total : `${claims.length} of ${total}`}
          </span>
        </h2>
        {/* Slot for list-wide controls mounted by the page (bulk assign, export). */}
        <div data-slot="claim-list-toolbar" className="flex flex-wrap gap-2">
          {toolbar}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <LabelledSelect
            key={f.key}
            compact
            label={f.label}
            all={f.all}
            values={f.values}
            labels={f.labels}
            value={filters[f.key] ?? ""}
            onChange={(value) => onFilter({ ...filters, [f.key]: value || undefined } as Filters)}
          />
        ))}
      </div>
      <p className="text-xs text-muted">
        Keys: <kbd>j</kbd> next, <kbd>k</kbd> previous, <kbd>Enter</kbd> open the claim.
      </p>
      {claims.length === 0 ? (
        <p className="rounded-md border border-dashed border-line p-4 text-sm text-muted">
          {total === 0
            ? "No claims yet: select text in the article to add one."
            : "No claims match these filters."}
        </p>
      ) : (
        <>
          {main.length > 0 ? (
            <ol className="space-y-2" aria-label="Claims in text order">
              {main.map(item)}
            </ol>
          ) : null}
          {low.length > 0 ? (
            <details
              open={lowOpen}
              onToggle={(e) => onLowToggle(e.currentTarget.open)}
              className="rounded-md border border-dashed border-line p-2"
              data-low-priority-group
            >
              <summary className="cursor-pointer text-sm font-medium">
                {CLAIM_PRIORITY_LABEL.low} ({low.length})
                <span className="font-normal text-muted">
                  {" "}
                  · scored below the check-worthiness threshold
                </span>
              </summary>
              <ol className="mt-2 space-y-2" aria-label="Low-priority claims in text order">
                {low.map(item)}
              </ol>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}

function ClaimItem({
  articleId,
  claim,
  selected,
  onSelect,
  children,
}: {
  articleId: string;
  claim: ArticleViewClaim;
  selected: boolean;
  onSelect: (id: string) => void;
  children?: ReactNode;
}) {
  const kind = KIND_STYLE[claim.kind];
  const status = STATUS_STYLE[claim.status];
  return (
    <li
      data-claim-item={claim.id}
      className={`rounded-md border bg-paper p-2 text-sm ${selected ? "border-accent ring-2 ring-accent" : "border-line"}`}
    >
      <button
        type="button"
        onClick={() => onSelect(claim.id)}
        aria-current={selected ? "true" : undefined}
        className="block w-full text-left"
      >
        <span className="flex flex-wrap items-center gap-1 text-xs">
          <span className={`rounded-sm px-1 underline decoration-2 ${kind.mark}`}>
            <span aria-hidden="true">{kind.symbol} </span>
            {CLAIM_KIND_LABEL[claim.kind]}
          </span>
          <span className={`rounded-full border px-1.5 ${status.badge}`}>
            {CLAIM_STATUS_LABEL[claim.status]}
          </span>
          <span className="tabular-nums text-muted">score {claim.score.toFixed(2)}</span>
          {claim.priority === "low" ? (
            <span className="text-muted">· {CLAIM_PRIORITY_LABEL.low.toLowerCase()}</span>
          ) : null}
          {claim.origin === "manual" ? <span className="text-muted">· added by hand</span> : null}
        </span>
        <span
          className={`mt-1 line-clamp-3 block ${claim.status === "dismissed" ? "line-through opacity-70" : ""}`}
        >
          {claim.text}
        </span>
        {claim.speaker ? (
          <span className="mt-1 block text-xs text-muted">
            Speaker: <bdi>{claim.speaker}</bdi>
            {claim.speakerRole ? <> ({claim.speakerRole})</> : null}
          </span>
        ) : null}
      </button>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
        <span>
          {claim.assigneeName ? (
            <>
              Assigned to <bdi>{claim.assigneeName}</bdi>
            </>
          ) : (
            "Unassigned"
          )}
          {" · "}
          {claim.rating ? `Verdict: ${RATING_SCALE[claim.rating].label}` : "No verdict"}
        </span>
        <Link
          href={`/articles/${articleId}/claims/${claim.id}`}
          className="text-accent underline"
          aria-label={`Open claim: ${claim.text.slice(0, 60)}`}
        >
          Open
        </Link>
      </div>
      {claim.checkedBefore ? (
        <p className="mt-1 text-xs" data-testid="checked-before">
          <Link
            href={`/articles/${claim.checkedBefore.earlierArticleId}/claims/${claim.checkedBefore.earlierClaimId}`}
            className="font-medium text-accent underline"
          >
            Checked before: {RATING_SCALE[claim.checkedBefore.rating].label},{" "}
            {formatDay(claim.checkedBefore.approvedAt)}
          </Link>
        </p>
      ) : null}
      {children ? <div className="mt-2">{children}</div> : null}
    </li>
  );
}
