import type { Metadata } from "next";
import { requirePageCtx } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import { toJsonProps, toSharedJsonProps } from "@/lib/json-props";
import { listClaims } from "@/lib/services/claim-list/list-claims";
import { getFilterOptions } from "@/lib/services/dashboard/filter-options";
import { EmptyState } from "../../_components/empty-state";
import { FilterForm } from "../../_components/filter-form";
import { ClaimRows } from "./claim-rows";

export const metadata: Metadata = { title: "Claims" };

type Params = Record<string, string | string[] | undefined>;

const LIST_PARAMS = [
  "from",
  "to",
  "outlet",
  "reviewer",
  "kind",
  "rating",
  "basis",
  "status",
  "article",
  "proposer",
  "sort",
] as const;

const BASIS_LABEL: Record<string, string> = {
  imported: "imported",
  approved: "approved",
  proposed: "with a verdict proposed",
  verdict_approved: "with a verdict approved",
  returned: "with a verdict returned",
};

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await requirePageCtx("/claims", "dashboard.view");
  const params = await searchParams;
  const values: Record<string, string> = {};
  for (const name of LIST_PARAMS) {
    const value = params[name];
    // Checkbox lists (status) arrive as repeated parameters.
    const text = Array.isArray(value) ? value.join(",") : value;
    if (text) values[name] = text;
  }
  const after = typeof params.after === "string" ? params.after : undefined;
  // The page of claims and the filters' choices are read at once; a bad filter value in a
  // hand-edited URL shows its message above an empty list.
  const empty: Awaited<ReturnType<typeof listClaims>> = { rows: [], next: null };
  const [{ page, error }, options] = await Promise.all([
    listClaims(ctx, { ...values, after }).then(
      (listed) => ({ page: listed, error: null as string | null }),
      (caught: unknown) => {
        if (!(caught instanceof ValidationError)) throw caught;
        return { page: empty, error: caught.message };
      },
    ),
    getFilterOptions(ctx),
  ]);
  const query = new URLSearchParams(values);
  const sort = values.sort ?? "oldest";
  const statuses = values.status?.split(",") ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Claims</h1>
          <p className="text-sm text-muted">
            {values.from || values.to
              ? `Claims ${BASIS_LABEL[values.basis ?? "imported"] ?? "imported"} from ${values.from ?? "the start"} to ${values.to ?? "today"}.`
              : "All claims."}
            {values.article ? " One article." : ""}
            {values.proposer ? " Verdicts by one reviewer." : ""}
          </p>
        </div>
        <a
          href={`/claims/export?${query}`}
          className="rounded-md border border-line bg-paper px-3 py-2 text-sm font-medium hover:bg-wash"
          download
        >
          Download CSV
        </a>
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-danger bg-paper p-3 text-danger">
          {error}
        </p>
      ) : null}
      <FilterForm
        form={toJsonProps({
          action: "/claims",
          values,
          outlets: options.outlets,
          reviewers: options.reviewers,
          list: {
            statuses,
            sort,
            hidden: (["basis", "article", "proposer"] as const).flatMap((name) => {
              const value = values[name];
              return value ? [[name, value] as [string, string]] : [];
            }),
          },
        })}
      />
      {page.rows.length === 0 ? (
        <EmptyState title="No claims match these filters">
          Clear a filter or widen the dates; new claims appear when articles are imported.
        </EmptyState>
      ) : (
        <ClaimRows rows={toSharedJsonProps(page.rows)} />
      )}
      <nav aria-label="Pages" className="flex justify-end gap-4">
        {after ? (
          <a href={`/claims?${query}`} className="text-accent underline">
            First page
          </a>
        ) : null}
        {page.next ? (
          <a
            href={`/claims?${new URLSearchParams({ ...values, after: page.next })}`}
            className="text-accent underline"
          >
            Next page
          </a>
        ) : null}
      </nav>
    </div>
  );
}
