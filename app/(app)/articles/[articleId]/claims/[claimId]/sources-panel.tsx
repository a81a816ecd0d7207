"use client";

import { useState } from "react";
import type { SourceStance, SourceType } from "@/db/schema/constants";
import { formatTime } from "@/lib/format-time";
import { SOURCE_TYPE_LABEL, STANCE_LABEL } from "@/lib/validation/sources";
import { Button } from "../../../../../_components/button";
import { addSourceAction, editSourceAction, removeSourceAction } from "./actions";
import { EMPTY_SOURCE, SourceForm, type SourceValues } from "./source-form";
import { useClaimAction } from "./use-claim-action";

export interface SourceRow {
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  sourceType: SourceType;
  stance: SourceStance;
  excerpt: string | null;
  accessedOn: string | null;
  note: string | null;
  addedByName: string | null;
  /** Copied from another appearance's approved verdict when it was reused. */
  reusedFromId: string | null;
  createdAt: Date;
  version: number;
}

const toValues = (s: SourceRow): SourceValues => ({
  url: s.url,
  title: s.title,
  publisher: s.publisher ?? "",
  sourceType: s.sourceType,
  stance: s.stance,
  excerpt: s.excerpt ?? "",
  accessedOn: s.accessedOn ?? "",
  note: s.note ?? "",
});

export function SourcesPanel({
  where,
  sources,
  editable,
}: {
  where: { articleId: string; claimId: string };
  sources: SourceRow[];
  /** False for approved or dismissed claims and for claims the user may not act on. */
  editable: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const { pending, run } = useClaimAction();

  return (
    <section aria-labelledby="sources-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="sources-heading" className="text-xl font-semibold">
          Sources <span className="text-base font-normal text-muted">({sources.length})</span>
        </h2>
        {editable && !adding ? (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add a source
          </Button>
        ) : null}
      </div>
      {sources.length === 0 ? (
        <p className="text-muted">
          No sources yet.{" "}
          {editable
            ? "Add the documents you checked the claim against; a verdict needs at least one."
            : ""}
        </p>
      ) : (
        <ul className="space-y-3">
          {sources.map((source) => (
            <li key={source.id} className="rounded-lg border border-line bg-paper p-4">
              {editing === source.id ? (
                <EditSource where={where} source={source} onDone={() => setEditing(null)} />
              ) : (
                <SourceCard
                  source={source}
                  editable={editable}
                  pending={pending}
                  onEdit={() => setEditing(source.id)}
                  onRemove={() => {
                    if (!window.confirm(`Remove the source "${source.title}"?`)) return;
                    run(
                      () =>
                        removeSourceAction(where, { sourceId: source.id, version: source.version }),
                      { success: "Source removed." },
                    );
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <div className="rounded-lg border border-line bg-paper p-4">
          <h3 className="mb-3 font-semibold">New source</h3>
          <SourceForm
            idPrefix="new-source"
            initial={EMPTY_SOURCE}
            submitLabel="Save source"
            pending={pending}
            onCancel={() => setAdding(false)}
            onSubmit={(values, showErrors) =>
              run(() => addSourceAction(where, values), {
                success: "Source added.",
                onSuccess: () => setAdding(false),
                onFailure: (failure) => showErrors(failure.fieldErrors),
              })
            }
          />
        </div>
      ) : null}
    </section>
  );
}

function EditSource({
  where,
  source,
  onDone,
}: {
  where: { articleId: string; claimId: string };
  source: SourceRow;
  onDone: () => void;
}) {
  const { pending, run } = useClaimAction();
  const [conflict, setConflict] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">Edit source</h3>
      {conflict ? (
        <div role="alert" className="rounded-md border border-danger p-3 text-sm">
          <p>{conflict}</p>
          <p className="mt-1">
            Saved now: <span className="font-medium">{source.title}</span> —{" "}
            <span className="break-all">{source.url}</span> ({STANCE_LABEL[source.stance]}). Save
            again to replace it with your version.
          </p>
        </div>
      ) : null}
      <SourceForm
        idPrefix={`source-${source.id}`}
        initial={toValues(source)}
        submitLabel="Save changes"
        pending={pending}
        onCancel={onDone}
        onSubmit={(values, showErrors) =>
          run(
            () =>
              editSourceAction(where, { ...values, sourceId: source.id, version: source.version }),
            {
              success: "Source saved.",
              onSuccess: onDone,
              onFailure: (failure) => {
                if (failure.code === "conflict") setConflict(failure.error);
                showErrors(failure.fieldErrors);
              },
            },
          )
        }
      />
    </div>
  );
}

function SourceCard({
  source,
  editable,
  pending,
  onEdit,
  onRemove,
}: {
  source: SourceRow;
  editable: boolean;
  pending: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <article className="space-y-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-semibold">
          {/* The URL was checked to be http(s) on the way in; the link opens without our page. */}
          <a
            href={source.url}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="break-words text-accent underline"
          >
            {source.title}
          </a>
        </h3>
        <span className="flex flex-wrap gap-1">
          {source.reusedFromId ? (
            <span
              className="rounded border border-accent px-2 py-0.5 text-xs font-medium"
              title="Copied from the approved verdict of another appearance of this claim"
            >
              Reused
            </span>
          ) : null}
          <span className="rounded bg-wash px-2 py-0.5 text-xs font-medium">
            {STANCE_LABEL[source.stance]}
          </span>
        </span>
      </div>
      <p className="text-sm text-muted">
        {SOURCE_TYPE_LABEL[source.sourceType]}
        {source.publisher ? (
          <>
            {" · "}
            <bdi>{source.publisher}</bdi>
          </>
        ) : null}
        {source.accessedOn ? ` · accessed ${source.accessedOn}` : ""}
      </p>
      <p className="break-all text-xs text-muted">{source.url}</p>
      {source.excerpt ? (
        <blockquote className="whitespace-pre-wrap border-l-4 border-line pl-3 text-sm">
          {source.excerpt}
        </blockquote>
      ) : null}
      {source.note ? <p className="whitespace-pre-wrap text-sm">{source.note}</p> : null}
      <p className="text-xs text-muted">
        Added by <bdi>{source.addedByName ?? "a former user"}</bdi> on{" "}
        {formatTime(source.createdAt)}
      </p>
      {editable ? (
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onEdit} aria-label={`Edit source ${source.title}`}>
            Edit
          </Button>
          <Button
            variant="ghost"
            busy={pending}
            onClick={onRemove}
            aria-label={`Remove source ${source.title}`}
          >
            Remove
          </Button>
        </div>
      ) : null}
    </article>
  );
}
