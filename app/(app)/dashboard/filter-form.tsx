import { CLAIM_KINDS, RATING_SCALE, RATINGS } from "@/db/schema/constants";
import { KIND_LABEL } from "./labels";

export interface FilterValues {
  from?: string;
  to?: string;
  outlet?: string;
  reviewer?: string;
  kind?: string;
  rating?: string;
}

const control = "w-full rounded-md border border-line bg-paper px-3 py-2 text-base";

/**
 * A plain GET form: applying it puts every filter in the URL, so a view can be bookmarked and
 * shared, and it works without JavaScript. `extra` adds the claim list's own fields.
 */
export function FilterForm({
  action,
  values,
  outlets,
  reviewers,
  extra,
}: {
  action: string;
  values: FilterValues;
  outlets: string[];
  reviewers: { id: string; name: string }[];
  extra?: React.ReactNode;
}) {
  return (
    <search>
      <form
        action={action}
        method="get"
        className="grid grid-cols-1 gap-3 rounded-lg border border-line bg-paper p-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label="Filters"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-from" className="text-sm font-medium">
            From
          </label>
          <input
            id="filter-from"
            name="from"
            type="date"
            defaultValue={values.from}
            className={control}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-to" className="text-sm font-medium">
            To
          </label>
          <input
            id="filter-to"
            name="to"
            type="date"
            defaultValue={values.to}
            className={control}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-outlet" className="text-sm font-medium">
            Outlet
          </label>
          <select
            id="filter-outlet"
            name="outlet"
            defaultValue={values.outlet ?? ""}
            className={control}
          >
            <option value="">All outlets</option>
            {outlets.map((outlet) => (
              <option key={outlet} value={outlet}>
                {outlet}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-reviewer" className="text-sm font-medium">
            Reviewer
          </label>
          <select
            id="filter-reviewer"
            name="reviewer"
            defaultValue={values.reviewer ?? ""}
            className={control}
          >
            <option value="">All reviewers</option>
            {reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-kind" className="text-sm font-medium">
            Claim kind
          </label>
          <select id="filter-kind" name="kind" defaultValue={values.kind ?? ""} className={control}>
            <option value="">All kinds</option>
            {CLAIM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-rating" className="text-sm font-medium">
            Rating
          </label>
          <select
            id="filter-rating"
            name="rating"
            defaultValue={values.rating ?? ""}
            className={control}
          >
            <option value="">All ratings</option>
            {RATINGS.map((rating) => (
              <option key={rating} value={rating}>
                {RATING_SCALE[rating].label}
              </option>
            ))}
          </select>
        </div>
        {extra}
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
          <button
            type="submit"
            className="rounded-md border border-transparent bg-accent px-3 py-2 text-sm font-medium text-white hover:bg-accent-strong"
          >
            Apply filters
          </button>
          <a href={action} className="text-sm text-accent underline">
            Clear filters
          </a>
        </div>
      </form>
    </search>
  );
}
