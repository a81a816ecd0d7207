import { type Html, html } from "@/lib/html";

/*
 * The tables of the dashboard and the claim list hold hundreds of cells, so their styling sits once
 * on the table (descendant selectors) instead of on every cell, and they are built as markup strings
 * (lib/html.ts). Cells with class "n" are numbers (right-aligned, tabular figures); links in cells
 * are accent-coloured.
 */
const TABLE = [
  "w-full border-collapse text-left text-sm",
  "[&_th]:border-b [&_th]:border-line [&_th]:bg-wash [&_th]:px-3 [&_th]:py-2 [&_th]:font-semibold",
  "[&_td]:border-b [&_td]:border-line [&_td]:px-3 [&_td]:py-2 [&_td]:align-top",
  "[&_.n]:text-right [&_.n]:tabular-nums [&_td_a]:text-accent [&_td_a:hover]:underline",
].join(" ");

/** A table with a caption for screen readers; `head` is the header row's cells. */
export function dataTable(caption: string, head: Html, rows: Html[]): Html {
  return html`<div class="overflow-x-auto rounded-lg border border-line bg-paper"><table class="${TABLE}"><caption class="sr-only">${caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A header cell; numeric columns are right-aligned. */
export const th = (label: string, numeric = false) =>
  html`<th scope="col"${numeric ? html` class="n"` : null}>${label}</th>`;
