"use client";

/*
 * The claim list's rows, built as one escaped string (lib/html.ts) from compact rows on the server
 * and again when the page hydrates, so the page carries each claim's markup once rather than
 * twice (HTML plus the RSC payload). See app/(app)/dashboard/sections.tsx for the same approach.
 * The rows arrive as one JSON string (lib/json-props.ts); a page reused from the cache arrives as
 * the same string until the data changes, and its markup is made once on the server.
 */
import { CLAIM_KIND_LABEL, CLAIM_STATUS_LABEL, RATING_SCALE } from "@/db/schema/constants";
import { html } from "@/lib/html";
import { type Jsonified, type JsonProps, memoByJsonProps } from "@/lib/json-props";
import type { ClaimListRow } from "@/lib/services/claim-list/list-claims";
import { dataTable, th } from "../../_components/data-table";
import { RawHtml } from "../../_components/raw-html";

/** A row of the claim list as it crosses to the browser: its times as ISO strings. */
export type ClaimRowView = Jsonified<ClaimListRow>;

export function ClaimRows({ rows }: { rows: JsonProps<ClaimRowView[]> }) {
  return <RawHtml html={rowsHtml(rows)} />;
}

const rowsHtml = memoByJsonProps(64, (rows: ClaimRowView[]) =>
  dataTable(
    "Claims matching the filters",
    html`${th("Claim")}${th("Article")}${th("Kind")}${th("Score", true)}${th("Status")}${th("Assignee")}${th("Imported")}`,
    rows.map(
      (c) =>
        html`<tr><td><a href="/articles/${c.articleId}/claims/${c.id}" class="line-clamp-3 text-accent underline-offset-2 hover:underline">${c.text}</a></td><td><a href="/articles/${c.articleId}" class="underline-offset-2 hover:underline">${c.articleTitle}</a>${c.outlet ? html`<span class="block text-xs text-muted">${c.outlet}</span>` : null}</td><td>${CLAIM_KIND_LABEL[c.kind]}</td><td class="n">${c.score.toFixed(2)}</td><td>${CLAIM_STATUS_LABEL[c.status]}${c.status === "approved" && c.rating ? `: ${RATING_SCALE[c.rating].label}` : ""}</td><td>${c.assigneeName ?? html`<span class="text-muted">Unassigned</span>`}</td><td><time datetime="${c.createdAt}">${c.createdAt.slice(0, 10)}</time></td></tr>`,
    ),
  ),
);
