"use client";

/*
 * The filters of the dashboard and the claim list: a plain GET form, so applying it puts every
 * filter in the URL (a view can be bookmarked and shared) and it works without JavaScript. It has
 * no state of its own, so it is built as one escaped string (lib/html.ts) from the compact values
 * below, like the dashboard's sections: the reviewer and outlet lists would otherwise cost a React
 * element per option twice over on every page. The values arrive as one JSON string
 * (lib/json-props.ts).
 */
import {
  CLAIM_KIND_LABEL,
  CLAIM_KINDS,
  CLAIM_STATUS_LABEL,
  CLAIM_STATUSES,
  RATING_SCALE,
  RATINGS,
} from "@/db/schema/constants";
import { attr, type Html, html } from "@/lib/html";
import { fromJsonProps, type JsonProps } from "@/lib/json-props";
import { RawHtml } from "./raw-html";

export interface FilterValues {
  from?: string;
  to?: string;
  outlet?: string;
  reviewer?: string;
  kind?: string;
  rating?: string;
}

/** The claim list's own fields: statuses, sort order, and filters carried over from a link. */
export interface ListControls {
  statuses: string[];
  sort: string;
  hidden: [name: string, value: string][];
}

const CONTROL = "w-full rounded-md border border-line bg-paper px-3 py-2 text-base";

const SORTS: [value: string, label: string][] = [
  ["oldest", "Age, oldest first"],
  ["newest", "Age, newest first"],
  ["score", "Score, highest first"],
  ["article", "Article, newest first"],
];

function field(id: string, label: string, control: Html): Html {
  return html`<div class="flex flex-col gap-1"><label for="${id}" class="text-sm font-medium">${label}</label>${control}</div>`;
}

function dateInput(name: "from" | "to", value: string | undefined): Html {
  return html`<input id="filter-${name}" name="${name}" type="date"${attr("value", value)} class="${CONTROL}">`;
}

function select(
  name: string,
  selected: string | undefined,
  options: readonly (readonly [value: string, label: string])[],
): Html {
  const current = selected ?? "";
  return html`<select id="filter-${name}" name="${name}" class="${CONTROL}">${options.map(
    ([value, label]) =>
      html`<option value="${value}"${value === current ? html` selected` : null}>${label}</option>`,
  )}</select>`;
}

function listFields(list: ListControls): Html {
  const statuses = CLAIM_STATUSES.map(
    (status) =>
      html`<label class="flex items-center gap-1.5 text-sm"><input type="checkbox" name="status" value="${status}"${list.statuses.includes(status) ? html` checked` : null}>${CLAIM_STATUS_LABEL[status]}</label>`,
  );
  return html`<fieldset class="sm:col-span-2"><legend class="text-sm font-medium">Status</legend><div class="mt-1 flex flex-wrap gap-x-4 gap-y-1">${statuses}</div></fieldset>${field(
    "filter-sort",
    "Sort by",
    select("sort", list.sort, SORTS),
  )}${list.hidden.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}`;
}

export interface FilterFormProps {
  action: string;
  values: FilterValues;
  outlets: string[];
  reviewers: { id: string; name: string }[];
  list?: ListControls;
}

export function filterFormHtml({
  action,
  values,
  outlets,
  reviewers,
  list,
}: FilterFormProps): Html {
  const fields = [
    field("filter-from", "From", dateInput("from", values.from)),
    field("filter-to", "To", dateInput("to", values.to)),
    field(
      "filter-outlet",
      "Outlet",
      select("outlet", values.outlet, [
        ["", "All outlets"],
        ...outlets.map((o) => [o, o] as const),
      ]),
    ),
    field(
      "filter-reviewer",
      "Reviewer",
      select("reviewer", values.reviewer, [
        ["", "All reviewers"],
        ...reviewers.map((r) => [r.id, r.name] as const),
      ]),
    ),
    field(
      "filter-kind",
      "Claim kind",
      select("kind", values.kind, [
        ["", "All kinds"],
        ...CLAIM_KINDS.map((k) => [k, CLAIM_KIND_LABEL[k]] as const),
      ]),
    ),
    field(
      "filter-rating",
      "Rating",
      select("rating", values.rating, [
        ["", "All ratings"],
        ...RATINGS.map((r) => [r, RATING_SCALE[r].label] as const),
      ]),
    ),
  ];
  return html`<search><form action="${action}" method="get" class="grid grid-cols-1 gap-3 rounded-lg border border-line bg-paper p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filters">${fields}${list ? listFields(list) : null}<div class="flex items-end gap-3 sm:col-span-2 lg:col-span-4"><button type="submit" class="rounded-md border border-transparent bg-accent px-3 py-2 text-sm font-medium text-white hover:bg-accent-strong">Apply filters</button><a href="${action}" class="text-sm text-accent underline">Clear filters</a></div></form></search>`;
}

export function FilterForm({ form }: { form: JsonProps<FilterFormProps> }) {
  return <RawHtml html={filterFormHtml(fromJsonProps(form))} />;
}
