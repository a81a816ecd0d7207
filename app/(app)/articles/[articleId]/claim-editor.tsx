"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  CLAIM_KIND_LABEL,
  CLAIM_STATUS_LABEL,
  type ClaimKindName,
  DISMISS_REASONS,
  type DismissReason,
} from "@/db/schema/constants";
import type { ActionResult } from "@/lib/errors";
import type { ArticleViewClaim } from "@/lib/services/articles/get-article";
import type { EditorChange } from "@/lib/services/claims/claim-rules";
import { DISMISS_REASON_LABELS } from "@/lib/validation/claims";
import { Button } from "../../../_components/button";
import { FormError, LabelledSelect } from "../../../_components/field";
import { useToast } from "../../../_components/toast";
import {
  dismissClaimAction,
  mergeClaimsAction,
  restoreClaimAction,
  splitClaimAction,
  updateClaimAction,
} from "./actions";
import type { TextSpan } from "./text-selection";
import { fromRows, KindSelect, toRows, ValuesEditor } from "./values-editor";

interface Conflict {
  message: string;
  current: {
    text?: string;
    kind?: ClaimKindName;
    values?: Record<string, unknown>;
    status?: string;
    version?: number;
  } | null;
  op: "save" | "respan" | "split" | "mergePrevious" | "mergeNext" | "dismiss" | "restore";
}

/** Edits one claim: kind and values, span, split, merge, dismiss and restore. */
export function ClaimEditor({
  claim,
  previous,
  next,
  selection,
}: {
  claim: ArticleViewClaim;
  previous: ArticleViewClaim | null;
  next: ArticleViewClaim | null;
  selection: TextSpan | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(claim.version);
  const [kind, setKind] = useState<ClaimKindName>(claim.kind);
  const [rows, setRows] = useState(() => toRows(claim.values));
  const [reason, setReason] = useState<DismissReason>("not_check_worthy");
  const [splitAt, setSplitAt] = useState(() => defaultSplit(claim, selection));
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  // Built on every render, so a retry after a conflict sends what the form holds now.
  const ops = {
    save: (v: number) =>
      updateClaimAction({ claimId: claim.id, version: v, kind, values: fromRows(rows) }),
    respan: (v: number) =>
      updateClaimAction({ claimId: claim.id, version: v, span: selection ?? undefined }),
    split: (v: number) =>
      splitClaimAction({ claimId: claim.id, version: v, at: claim.start + relativeSplit() }),
    mergePrevious: (v: number) =>
      mergeClaimsAction({
        claimId: claim.id,
        version: v,
        // Offered only when the neighbour exists; an empty id is refused like any bad one.
        otherId: previous?.id ?? "",
        otherVersion: previous?.version ?? 0,
      }),
    mergeNext: (v: number) =>
      mergeClaimsAction({
        claimId: claim.id,
        version: v,
        // Offered only when the neighbour exists; an empty id is refused like any bad one.
        otherId: next?.id ?? "",
        otherVersion: next?.version ?? 0,
      }),
    dismiss: (v: number) => dismissClaimAction({ claimId: claim.id, version: v, reason }),
    restore: (v: number) => restoreClaimAction({ claimId: claim.id, version: v }),
  } satisfies Record<string, (v: number) => Promise<ActionResult<unknown>>>;
  type Op = keyof typeof ops;
  const DONE: Record<Op, string> = {
    save: "Claim saved.",
    respan: "Span changed.",
    split: "Claim split in two.",
    mergePrevious: "Claims merged.",
    mergeNext: "Claims merged.",
    dismiss: "Claim dismissed.",
    restore: "Claim restored.",
  };

  function relativeSplit() {
    return Math.min(Math.max(splitAt - claim.start, 1), claim.text.length - 1);
  }

  /** Runs a write with the version read; a stale one keeps everything typed and shows the newer claim. */
  function submit(op: Op, at: number = version) {
    setError(null);
    startTransition(async () => {
      const result = await ops[op](at);
      if (result.ok) {
        setConflict(null);
        toast(DONE[op], "success");
        router.refresh();
        return;
      }
      if (result.code === "conflict") {
        const current = (result.current ?? null) as Conflict["current"];
        if (current?.version && op !== "mergePrevious" && op !== "mergeNext") {
          setVersion(current.version);
        }
        setConflict({ message: result.error, current, op });
        return;
      }
      setError(result.error);
    });
  }

  // The service says what this user may do to the claim now; the editor offers exactly that.
  const may = (change: EditorChange) => claim.allowed.includes(change);
  if (claim.allowed.length === 0) {
    return <p className="text-sm text-muted">{claim.locked}</p>;
  }

  // A merge changes both claims, so both must allow it.
  const mergePrevious = may("merge") && previous?.allowed.includes("merge");
  const mergeNext = may("merge") && next?.allowed.includes("merge");
  const relative = relativeSplit();
  const selectionUsable =
    selection && (selection.start !== claim.start || selection.end !== claim.end);
  return (
    <section
      aria-labelledby="edit-claim-heading"
      className="space-y-4 rounded-md border border-line bg-paper p-3"
    >
      <h3 id="edit-claim-heading" className="font-semibold">
        Edit the selected claim
      </h3>
      {conflict ? (
        <div role="alert" className="space-y-2 rounded-md border border-danger bg-wash p-3 text-sm">
          <p className="font-medium">{conflict.message}</p>
          {conflict.current ? (
            <div>
              <p className="text-muted">The claim now reads:</p>
              <blockquote className="border-l-4 border-line pl-2">
                {conflict.current.text}
              </blockquote>
              <p className="text-muted">
                Kind: {conflict.current.kind ? CLAIM_KIND_LABEL[conflict.current.kind] : "?"}
                {" · "}status: {conflict.current.status ?? "?"}
                {" · "}values:{" "}
                <code className="break-all">{JSON.stringify(conflict.current.values ?? {})}</code>
              </p>
            </div>
          ) : null}
          <p>Your input below is kept.</p>
          <div className="flex flex-wrap gap-2">
            <Button busy={pending} onClick={() => submit(conflict.op)}>
              Apply my change again
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setConflict(null);
                router.refresh();
              }}
            >
              Discard mine and show the newer version
            </Button>
          </div>
        </div>
      ) : null}
      <FormError message={error} />
      {may("edit") ? (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit("save");
          }}
        >
          <KindSelect label="Kind" value={kind} onChange={setKind} />
          <ValuesEditor rows={rows} onChange={setRows} />
          <Button type="submit" busy={pending}>
            Save kind and values
          </Button>
        </form>
      ) : null}
      {may("respan") ? (
        <div className="space-y-1 border-t border-line pt-3">
          <p className="text-sm font-medium">Span</p>
          <p className="text-xs text-muted">Select new text in the article, then use it here.</p>
          <Button
            variant="secondary"
            busy={pending}
            disabled={!selectionUsable}
            onClick={() => submit("respan")}
          >
            Use the selection as this claim's text
          </Button>
        </div>
      ) : null}
      {may("split") ? (
        <div className="space-y-2 border-t border-line pt-3">
          <label className="flex flex-col text-sm font-medium">
            Split after character
            <input
              type="number"
              min={1}
              max={claim.text.length - 1}
              value={relative}
              onChange={(e) => setSplitAt(claim.start + Number(e.target.value))}
              className="w-28 rounded-md border border-line bg-paper px-2 py-1"
            />
          </label>
          <p className="text-xs">
            <span className="bg-sky-50">{claim.text.slice(0, relative)}</span>
            <span aria-hidden="true" className="font-bold text-accent">
              {" "}
              |{" "}
            </span>
            <span className="sr-only"> then </span>
            <span className="bg-amber-50">{claim.text.slice(relative)}</span>
          </p>
          <Button variant="secondary" busy={pending} onClick={() => submit("split")}>
            Split into two claims
          </Button>
        </div>
      ) : null}
      {mergePrevious || mergeNext ? (
        <div className="flex flex-wrap gap-2 border-t border-line pt-3">
          {mergePrevious ? (
            <Button variant="secondary" busy={pending} onClick={() => submit("mergePrevious")}>
              Merge with the previous claim
            </Button>
          ) : null}
          {mergeNext ? (
            <Button variant="secondary" busy={pending} onClick={() => submit("mergeNext")}>
              Merge with the next claim
            </Button>
          ) : null}
        </div>
      ) : null}
      {claim.status === "dismissed" || may("dismiss") ? (
        <div className="flex flex-wrap items-end gap-2 border-t border-line pt-3">
          {claim.status === "dismissed" ? (
            <p className="text-sm">
              Dismissed:{" "}
              {claim.dismissReason && claim.dismissReason in DISMISS_REASON_LABELS
                ? DISMISS_REASON_LABELS[claim.dismissReason as DismissReason]
                : claim.dismissReason}
            </p>
          ) : null}
          {may("restore") ? (
            <Button variant="secondary" busy={pending} onClick={() => submit("restore")}>
              Restore
            </Button>
          ) : null}
          {may("dismiss") ? (
            <>
              <LabelledSelect
                label="Dismiss reason"
                value={reason}
                values={DISMISS_REASONS}
                labels={DISMISS_REASON_LABELS}
                onChange={(value) => setReason(value as DismissReason)}
              />
              <Button variant="danger" busy={pending} onClick={() => submit("dismiss")}>
                Dismiss claim
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      <p className="text-xs text-muted">
        Status: {CLAIM_STATUS_LABEL[claim.status]} · version {claim.version}
      </p>
    </section>
  );
}

/** The split point: the caret or selection inside the claim, else the middle word gap. */
function defaultSplit(claim: ArticleViewClaim, selection: TextSpan | null): number {
  if (selection && selection.start > claim.start && selection.start < claim.end)
    return selection.start;
  const middle = Math.floor(claim.text.length / 2);
  const gap = claim.text.indexOf(" ", middle);
  return claim.start + (gap > 0 ? gap : middle);
}
