import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import {
  CLAIM_KIND_LABEL,
  CLAIM_KINDS,
  CLAIM_STATUS_LABEL,
  CLAIM_STATUSES,
  RATING_SCALE,
  RATINGS,
} from "@/db/schema/constants";
import { requirePageCtx } from "@/lib/auth/session";
import { ValidationError } from "@/lib/errors";
import {
  SEARCH_CANDIDATES,
  type SearchPage,
  type SearchResult,
  searchAll,
} from "@/lib/services/search/search-all";
import { getSearchOptions } from "@/lib/services/search/search-options";
import { SEARCH_QUERY_MAX, SEARCH_TYPES, type SearchType } from "@/lib/validation/search";
import { buttonClass } from "../../_components/button";
import { EmptyState } from "../../_components/empty-state";
import { FormError, InputField, SelectField } from "../../_components/field";
import { StatusBadge } from "../../_components/status-badge";
import { Highlighted } from "./highlighted";

export const metadata: Metadata = { title: "Search" };

type Params = Record<string, string | string[] | undefined>;

/** The parameters the form sends and the page keeps in its links. */
const PARAMS = [
  "q",
  "type",
  "kind",
  "status",
  "rating",
  "outlet",
  "speaker",
  "from",
  "to",
] as const;

/** The fields that show their own error message. */
const shownFields = new Set<string>(PARAMS);

const TYPE_LABEL: Record<SearchType, string> = {
  all: "All",
  claims: "Claims",
  articles: "Articles",
  sources: "Sources",
};

const number = new Intl.NumberFormat("en-GB");

function countLabel(count: { count: number; more: boolean } | null): string {
  if (!count) return "not searched";
  return count.more ? `more than ${number.format(count.count)}` : number.format(count.count);
}

export default async function SearchPageView({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const values: Record<string, string> = {};
  for (const name of PARAMS) {
    const value = params[name];
    if (typeof value === "string" && value !== "") values[name] = value;
  }
  const after = typeof params.after === "string" ? params.after : undefined;
  const ctx = await requirePageCtx(`/search?${new URLSearchParams(values)}`);
  const options = await getSearchOptions(ctx);

  // A value the form cannot send (a hand-edited address, a stale page link) is explained above
  // the form: under the field it belongs to, or as one message for the page link.
  let page: SearchPage | null = null;
  let fieldErrors: Record<string, string[]> = {};
  let pageError: string | null = null;
  try {
    page = await searchAll(ctx, { ...values, after });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    fieldErrors = error.fieldErrors;
    pageError = error.message;
  }
  const fieldError = (name: string) => fieldErrors[name]?.[0];
  const q = values.q ?? "";
  const keep = (changes: Record<string, string | undefined>) => {
    const next = { ...values, ...changes };
    const query = new URLSearchParams(
      Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    return `/search?${query}`;
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Search</h1>
      <search aria-label="Search with filters">
        <form action="/search" className="space-y-3">
          <div className="flex flex-wrap items-start gap-2">
            <div className="min-w-0 flex-1 basis-72">
              <InputField
                label="Search claims, articles and sources"
                id="search-q"
                name="q"
                type="search"
                defaultValue={q}
                maxLength={SEARCH_QUERY_MAX}
                aria-keyshortcuts="/"
                error={fieldError("q")}
                hint={
                  <>
                    Put a phrase in quotes (<kbd>"2,500 troops"</kbd>), write <kbd>OR</kbd> between
                    words to find either, and a minus before a word to leave it out (
                    <kbd>-police</kbd>). Press <kbd>/</kbd> to come back to this box.
                  </>
                }
              />
            </div>
            <button type="submit" className={buttonClass("primary", "mt-6")}>
              Search
            </button>
          </div>
          {values.type ? <input type="hidden" name="type" value={values.type} /> : null}
          <details open={PARAMS.slice(2).some((name) => values[name]) || undefined}>
            <summary className="cursor-pointer text-sm font-medium">Filters</summary>
            <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <SelectField
                label="Kind of claim"
                id="search-kind"
                name="kind"
                defaultValue={values.kind ?? ""}
                error={fieldError("kind")}
                options={[
                  { value: "", label: "Any kind" },
                  ...CLAIM_KINDS.map((kind) => ({ value: kind, label: CLAIM_KIND_LABEL[kind] })),
                ]}
              />
              <SelectField
                label="Status"
                id="search-status"
                name="status"
                defaultValue={values.status ?? ""}
                error={fieldError("status")}
                options={[
                  { value: "", label: "Any status" },
                  ...CLAIM_STATUSES.map((status) => ({
                    value: status,
                    label: CLAIM_STATUS_LABEL[status],
                  })),
                ]}
              />
              <SelectField
                label="Rating"
                id="search-rating"
                name="rating"
                defaultValue={values.rating ?? ""}
                error={fieldError("rating")}
                options={[
                  { value: "", label: "Any rating" },
                  ...RATINGS.map((rating) => ({
                    value: rating,
                    label: RATING_SCALE[rating].label,
                  })),
                ]}
              />
              <SelectField
                label="Outlet"
                id="search-outlet"
                name="outlet"
                defaultValue={values.outlet ?? ""}
                error={fieldError("outlet")}
                options={[
                  { value: "", label: "Any outlet" },
                  ...options.outlets.map((outlet) => ({ value: outlet, label: outlet })),
                  // A hand-edited outlet that no article has still shows as chosen.
                  ...(values.outlet && !options.outlets.includes(values.outlet)
                    ? [{ value: values.outlet, label: values.outlet }]
                    : []),
                ]}
              />
              <InputField
                label="Speaker"
                id="search-speaker"
                name="speaker"
                defaultValue={values.speaker}
                maxLength={200}
                error={fieldError("speaker")}
                hint="The exact name, in any case."
              />
              <InputField
                label="Published from"
                id="search-from"
                name="from"
                type="date"
                defaultValue={values.from}
                error={fieldError("from")}
              />
              <InputField
                label="Published to"
                id="search-to"
                name="to"
                type="date"
                defaultValue={values.to}
                error={fieldError("to")}
              />
            </div>
          </details>
        </form>
      </search>
      {fieldErrors.after ? (
        <div role="alert" className="rounded-md border border-danger bg-paper p-3 text-danger">
          <p>{pageError}</p>
          <Link href={keep({})} className="text-accent underline">
            First page of this search
          </Link>
        </div>
      ) : pageError && !Object.keys(fieldErrors).some((name) => shownFields.has(name)) ? (
        <FormError message={`The search was not run: ${pageError}`} />
      ) : null}
      {page ? <Results page={page} keep={keep} after={after} /> : null}
    </div>
  );
}

function Results({
  page,
  keep,
  after,
}: {
  page: SearchPage;
  keep: (changes: Record<string, string | undefined>) => string;
  after: string | undefined;
}) {
  const { search, state, counts, results, next } = page;
  if (state === "empty") {
    return (
      <EmptyState title="Search claims, articles and sources">
        <SearchTips />
      </EmptyState>
    );
  }
  if (state === "stop-words") {
    return (
      <EmptyState title={`Nothing to search for in “${search.q}”`}>
        <p>
          Search leaves out very common words (the, of, and, is…) and punctuation, and that left
          nothing. Add a word that the results should contain.
        </p>
      </EmptyState>
    );
  }
  if (state === "only-excluded") {
    return (
      <EmptyState title={`“${search.q}” only leaves words out`}>
        <p>
          A word after a minus is left out of the results, and nearly everything would match a
          search of only such words. Add a word that the results should contain.
        </p>
      </EmptyState>
    );
  }
  const shownTypes = SEARCH_TYPES.filter((type) => type === "all" || counts[type] !== null);
  const anyMore = Object.values(counts).some((count) => count?.more);
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <h2 id="results-heading" className="sr-only">
        Results
      </h2>
      <nav aria-label="Result types">
        <ul className="flex flex-wrap gap-1 border-b border-line">
          {shownTypes.map((type) => {
            const current = search.type === type;
            const count = type === "all" ? null : counts[type];
            return (
              <li key={type}>
                <Link
                  href={keep({ type: type === "all" ? undefined : type })}
                  aria-current={current ? "page" : undefined}
                  className={`-mb-px inline-block rounded-t-md border px-3 py-1.5 text-sm ${
                    current
                      ? "border-line border-b-paper bg-paper font-semibold"
                      : "border-transparent text-accent hover:bg-wash"
                  }`}
                >
                  {TYPE_LABEL[type]}
                  {count ? " " : null}
                  {count ? (
                    <span className="tabular-nums text-muted">({countLabel(count)})</span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {counts.articles === null ? (
        <p className="text-sm text-muted">
          Articles are not searched: kind, status, rating and speaker belong to claims.
        </p>
      ) : null}
      {results.length === 0 ? (
        <EmptyState title={`No results for “${search.q}”`}>
          <SearchTips noResults />
        </EmptyState>
      ) : (
        <>
          <p className="text-sm text-muted">
            {after ? "More results" : "Results"}, best match first.
            {anyMore
              ? ` Where more than ${number.format(SEARCH_CANDIDATES)} match, the newest ${number.format(SEARCH_CANDIDATES)} are ranked: add words or filters to narrow the search.`
              : ""}
          </p>
          <ol className="space-y-3" data-testid="search-results">
            {results.map((result) => (
              <li key={`${result.type}:${result.id}`}>
                <ResultCard result={result} />
              </li>
            ))}
          </ol>
        </>
      )}
      <nav aria-label="Result pages" className="flex justify-between gap-4">
        {after ? (
          <Link href={keep({})} className="text-accent underline">
            First page
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={keep({ after: next })} className="text-accent underline">
            Next page
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

function SearchTips({ noResults = false }: { noResults?: boolean }) {
  return (
    <ul className="mx-auto mt-2 max-w-prose list-disc space-y-1 pl-5 text-left">
      {noResults ? <li>Check the spelling, or try fewer or more general words.</li> : null}
      {noResults ? <li>Clear a filter or widen the dates.</li> : null}
      <li>
        Words are matched in any form: <kbd>troops</kbd> finds “troop” too.
      </li>
      <li>
        <kbd>"2,500 troops"</kbd> finds the words side by side; <kbd>troops OR soldiers</kbd> finds
        either; <kbd>troops -police</kbd> leaves out results that mention police.
      </li>
      <li>
        Filters narrow claims (and the sources behind them) by kind, status, rating and speaker.
      </li>
    </ul>
  );
}

function Meta({ children }: { children: ReactNode }) {
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      {children}
    </p>
  );
}

function Published({ on }: { on: string | null }) {
  return on ? (
    <span>
      Published <time dateTime={on}>{on}</time>
    </span>
  ) : null;
}

function ResultCard({ result }: { result: SearchResult }) {
  const card = "rounded-lg border border-line bg-paper p-4";
  const kindLabel = "text-xs font-semibold uppercase tracking-wide text-muted";
  switch (result.type) {
    case "claim":
      return (
        <article className={card} aria-label="Claim">
          <p className={kindLabel}>Claim · {CLAIM_KIND_LABEL[result.kind]}</p>
          <h3 className="mt-1 font-medium">
            <Link
              href={`/articles/${result.articleId}/claims/${result.id}`}
              className="text-accent underline-offset-2 hover:underline"
            >
              <Highlighted pieces={result.text} />
            </Link>
          </h3>
          <Meta>
            <StatusBadge status={result.status} />
            {result.status === "approved" && result.rating ? (
              <span className="font-medium text-ink">
                Rated {RATING_SCALE[result.rating].label}
              </span>
            ) : null}
            {result.speaker ? (
              <span>
                Speaker: <Highlighted pieces={result.speaker} />
              </span>
            ) : null}
            <span>
              In{" "}
              <Link href={`/articles/${result.articleId}`} className="underline">
                {result.articleTitle}
              </Link>
              {result.outlet ? `, ${result.outlet}` : ""}
            </span>
            <Published on={result.publishedOn} />
          </Meta>
        </article>
      );
    case "article":
      return (
        <article className={card} aria-label="Article">
          <p className={kindLabel}>Article</p>
          <h3 className="mt-1 font-medium">
            <Link
              href={`/articles/${result.id}`}
              className="text-accent underline-offset-2 hover:underline"
            >
              <Highlighted pieces={result.title} />
            </Link>
          </h3>
          <p className="mt-1 text-sm">
            <Highlighted pieces={result.passage} />
          </p>
          <Meta>
            {result.outlet ? <span>{result.outlet}</span> : null}
            {result.author ? <span>By {result.author}</span> : null}
            <Published on={result.publishedOn} />
          </Meta>
        </article>
      );
    case "source":
      return (
        <article className={card} aria-label="Source">
          <p className={kindLabel}>Source</p>
          <h3 className="mt-1 font-medium">
            <Link
              href={`/articles/${result.articleId}/claims/${result.claimId}#sources-heading`}
              className="text-accent underline-offset-2 hover:underline"
            >
              <Highlighted pieces={result.title} />
            </Link>
          </h3>
          {result.passage ? (
            <p className="mt-1 text-sm">
              <Highlighted pieces={result.passage} />
            </p>
          ) : null}
          <Meta>
            {result.publisher ? <span>{result.publisher}</span> : null}
            <span className="break-all">{result.url}</span>
            <span>
              For the claim “{result.claimText}” in {result.articleTitle}
            </span>
          </Meta>
        </article>
      );
  }
}
