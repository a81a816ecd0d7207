"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { VerdictByline } from "@/app/_components/verdict-byline";
import {
  type ClaimStatus,
  RATING_SCALE,
  RATINGS,
  type Rating,
  type VerdictState,
} from "@/db/schema/constants";
import { formatDay, formatTime } from "@/lib/format-time";
import type { ClaimAction } from "@/lib/services/claims/transitions";
import { proposeVerdictSchema, RATIONALE_MIN_LENGTH } from "@/lib/validation/verdicts";
import { Button } from "../../../../../_components/button";
import { SelectField, TextareaField } from "../../../../../_components/field";
import {
  approveVerdictAction,
  proposeVerdictAction,
  reopenClaimAction,
  returnVerdictAction,
  reuseVerdictAction,
} from "./actions";
import { useClaimAction } from "./use-claim-action";

export interface VerdictRow {
  id: string;
  rating: Rating;
  rationale: string;
  state: VerdictState;
  proposedByName: string | null;
  proposedByMe: boolean;
  createdAt: Date;
  approvedByName: string | null;
  approvedAt: Date | null;
  returnedByName: string | null;
  returnedAt: Date | null;
  returnNote: string | null;
  /** Reused from another appearance's approved verdict. */
  reused: boolean;
}

/** The approved verdict of another appearance of the tracked claim (getClaimDetail). */
export interface ReusableVerdictRow {
  rating: Rating;
  rationale: string;
  approvedAt: Date | null;
  articleId: string;
  articleTitle: string;
  claimId: string;
}

interface Props {
  where: { articleId: string; claimId: string };
  claim: { version: number; status: ClaimStatus };
  verdicts: VerdictRow[];
  sourceCount: number;
  /** What the service allows this user now (getClaimDetail); the panel offers exactly that. */
  allowed: readonly ClaimAction[];
  /** Why approving is refused to this editor (the two-person rule), to explain the missing button. */
  approvalRefused: string | null;
  reusable: ReusableVerdictRow | null;
}

const STATE_LABEL: Record<VerdictState, string> = {
  proposed: "Proposed",
  approved: "Approved",
  returned: "Returned",
  superseded: "Superseded",
};

/** The verdict: proposal form, the editor's decision, reopening, and the history of all of them. */
export function VerdictPanel({
  where,
  claim,
  verdicts,
  sourceCount,
  allowed,
  approvalRefused,
  reusable,
}: Props) {
  const pending = verdicts.find((v) => v.state === "proposed");
  const approved =
    claim.status === "approved" ? verdicts.find((v) => v.state === "approved") : null;
  // Newest first: the claim was returned when its latest verdict is the returned one.
  const latest = verdicts[0];
  const returned = latest?.state === "returned" ? latest : null;
  return (
    <section aria-labelledby="verdict-heading" className="space-y-4">
      <h2 id="verdict-heading" className="text-xl font-semibold">
        Verdict
      </h2>
      {approved ? (
        <div className="rounded-lg border-2 border-ok bg-paper p-4">
          <p className="text-lg font-semibold">
            Approved:{" "}
            <span data-testid="approved-rating">{RATING_SCALE[approved.rating].label}</span>
          </p>
          <p className="mt-2 whitespace-pre-wrap">{approved.rationale}</p>
          <p className="mt-2 text-sm text-muted">
            Proposed by <bdi>{approved.proposedByName ?? "a former user"}</bdi>, approved by{" "}
            <bdi>{approved.approvedByName ?? "a former user"}</bdi>
            {approved.approvedAt ? ` on ${formatTime(approved.approvedAt)}` : ""}.
          </p>
        </div>
      ) : null}
      {claim.status === "pending_approval" && pending ? (
        <PendingDecision
          where={where}
          claim={claim}
          verdict={pending}
          allowed={allowed}
          approvalRefused={approvalRefused}
        />
      ) : null}
      {claim.status === "in_review" && returned ? (
        <div role="note" className="rounded-lg border border-danger bg-paper p-4">
          <p className="font-semibold">
            Returned by <bdi>{returned.returnedByName ?? "an editor"}</bdi>
            {returned.returnedAt ? ` on ${formatTime(returned.returnedAt)}` : ""}
          </p>
          <p className="mt-1 whitespace-pre-wrap">{returned.returnNote}</p>
        </div>
      ) : null}
      {allowed.includes("reuse_verdict") && reusable ? (
        <ReuseVerdict where={where} version={claim.version} reusable={reusable} />
      ) : null}
      {allowed.includes("propose") ? (
        <ProposeForm
          where={where}
          version={claim.version}
          sourceCount={sourceCount}
          // After a return the reviewer revises the earlier proposal instead of retyping it.
          initial={returned ? { rating: returned.rating, rationale: returned.rationale } : null}
        />
      ) : null}
      {claim.status === "open" ? (
        <p className="text-muted">Take the claim or start the review to propose a verdict.</p>
      ) : null}
      {allowed.includes("reopen") ? <ReopenForm where={where} version={claim.version} /> : null}
      <VerdictHistory verdicts={verdicts} />
    </section>
  );
}

function PendingDecision({
  where,
  claim,
  verdict,
  allowed,
  approvalRefused,
}: Pick<Props, "where" | "claim" | "allowed" | "approvalRefused"> & { verdict: VerdictRow }) {
  const { pending, run } = useClaimAction();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const ref = { version: claim.version };
  return (
    <div className="space-y-3 rounded-lg border border-accent bg-paper p-4">
      <p className="font-semibold">
        Pending approval: {RATING_SCALE[verdict.rating].label}
        {verdict.reused ? (
          <span className="ml-2 rounded border border-accent px-2 py-0.5 text-xs font-medium">
            Reused verdict
          </span>
        ) : null}
      </p>
      <p className="whitespace-pre-wrap">{verdict.rationale}</p>
      <p className="text-sm text-muted">
        Proposed by <bdi>{verdict.proposedByName ?? "a former user"}</bdi> on{" "}
        {formatTime(verdict.createdAt)}
      </p>
      {approvalRefused ? (
        <p role="note" className="rounded-md bg-wash p-3 text-sm">
          {approvalRefused}
        </p>
      ) : null}
      {allowed.includes("return") ? (
        <div className="space-y-3">
          {allowed.includes("approve") ? (
            <Button
              busy={pending}
              onClick={() =>
                run(() => approveVerdictAction(where, ref), { success: "Verdict approved." })
              }
            >
              Approve verdict
            </Button>
          ) : null}
          <form
            className="space-y-2"
            onSubmit={(event) => {
              event.preventDefault();
              run(() => returnVerdictAction(where, { ...ref, note }), {
                success: "Returned to the reviewer.",
                onSuccess: () => setNote(""),
                onFailure: (f) => setNoteError(f.fieldErrors?.note?.[0]),
              });
            }}
          >
            <TextareaField
              label="Note for the reviewer"
              hint="Say what to change; the reviewer sees it on their queue."
              rows={2}
              value={note}
              error={noteError}
              onChange={(event) => setNote(event.target.value)}
            />
            <Button type="submit" variant="secondary" busy={pending}>
              Return with note
            </Button>
          </form>
        </div>
      ) : null}
    </div>
  );
}

/** "Checked before": the tracked claim's approved verdict, offered as this claim's proposal. */
function ReuseVerdict({
  where,
  version,
  reusable,
}: {
  where: Props["where"];
  version: number;
  reusable: ReusableVerdictRow;
}) {
  const { pending, run } = useClaimAction();
  return (
    <div
      className="space-y-2 rounded-lg border border-accent bg-paper p-4"
      data-testid="reuse-verdict"
    >
      <p className="font-semibold">
        Checked before: {RATING_SCALE[reusable.rating].label}
        {reusable.approvedAt ? `, ${formatDay(reusable.approvedAt)}` : ""}
      </p>
      <p className="text-sm">
        Approved on another appearance of this claim, in{" "}
        <Link
          href={`/articles/${reusable.articleId}/claims/${reusable.claimId}`}
          className="text-accent underline"
        >
          {reusable.articleTitle}
        </Link>
        .
      </p>
      <p className="whitespace-pre-wrap text-sm text-muted">{reusable.rationale}</p>
      <p className="text-sm">
        Reusing it proposes the same rating and rationale here, with its sources copied and marked
        as reused. An editor other than you approves it, as for any verdict.
      </p>
      <Button
        busy={pending}
        onClick={() =>
          run(() => reuseVerdictAction(where, { version }), {
            success: "Verdict reused as a proposal; an editor will review it.",
          })
        }
      >
        Reuse verdict
      </Button>
    </div>
  );
}

const proposeFormSchema = proposeVerdictSchema.pick({ rating: true, rationale: true });
type ProposeValues = z.input<typeof proposeFormSchema>;

function ProposeForm({
  where,
  version,
  sourceCount,
  initial,
}: {
  where: Props["where"];
  version: number;
  sourceCount: number;
  initial: { rating: Rating; rationale: string } | null;
}) {
  const { pending, run } = useClaimAction();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<ProposeValues, unknown, z.output<typeof proposeFormSchema>>({
    resolver: zodResolver(proposeFormSchema),
    defaultValues: initial ?? { rating: "" as Rating, rationale: "" },
  });
  const length = (watch("rationale") ?? "").trim().length;
  const submit = handleSubmit((values) =>
    run(() => proposeVerdictAction(where, { ...values, version }), {
      success: "Verdict proposed; an editor will review it.",
      onFailure: (failure) => {
        setFormError(failure.fieldErrors?.form?.[0] ?? null);
        for (const field of ["rating", "rationale"] as const) {
          const message = failure.fieldErrors?.[field]?.[0];
          if (message) setError(field, { message });
        }
      },
    }),
  );
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-3 rounded-lg border border-line bg-paper p-4"
    >
      <h3 className="font-semibold">Propose a verdict</h3>
      {sourceCount === 0 ? (
        <p className="text-sm text-muted">
          A verdict needs at least one source: add one above first.
        </p>
      ) : null}
      {formError ? (
        <p role="alert" className="text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <SelectField
        label="Rating"
        required
        options={[
          { value: "", label: "Choose a rating" },
          ...RATINGS.map((r) => ({ value: r, label: RATING_SCALE[r].label })),
        ]}
        error={errors.rating?.message}
        {...register("rating")}
      />
      <TextareaField
        label="Rationale"
        required
        rows={5}
        hint={`At least ${RATIONALE_MIN_LENGTH} characters (${length} so far). Explain how the sources settle the claim.`}
        error={errors.rationale?.message}
        {...register("rationale")}
      />
      <Button type="submit" busy={pending}>
        Propose verdict
      </Button>
    </form>
  );
}

const reopenFormSchema = z.object({
  reason: z.string().trim().min(5, "Give the reason for reopening (at least 5 characters)."),
});

function ReopenForm({ where, version }: { where: Props["where"]; version: number }) {
  const { pending, run } = useClaimAction();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<z.input<typeof reopenFormSchema>>({
    resolver: zodResolver(reopenFormSchema),
    defaultValues: { reason: "" },
  });
  return (
    <details className="rounded-lg border border-line bg-paper p-4">
      <summary className="cursor-pointer font-medium">Reopen this claim</summary>
      <form
        noValidate
        className="mt-3 space-y-2"
        onSubmit={handleSubmit((values) =>
          run(() => reopenClaimAction(where, { ...values, version }), {
            success: "Claim reopened.",
            onFailure: (f) => {
              const message = f.fieldErrors?.reason?.[0];
              if (message) setError("reason", { message });
            },
          }),
        )}
      >
        <TextareaField
          label="Reason for reopening"
          hint="If the report is published, this is logged as a correction."
          rows={2}
          required
          error={errors.reason?.message}
          {...register("reason")}
        />
        <Button type="submit" variant="danger" busy={pending}>
          Reopen
        </Button>
      </form>
    </details>
  );
}

function VerdictHistory({ verdicts }: { verdicts: VerdictRow[] }) {
  if (verdicts.length === 0) return null;
  return (
    <details className="rounded-lg border border-line bg-paper p-4">
      <summary className="cursor-pointer font-medium">Verdict history ({verdicts.length})</summary>
      <ol className="mt-3 space-y-3">
        {verdicts.map((v) => (
          <li key={v.id} className="border-l-4 border-line pl-3 text-sm">
            <p className="font-medium">
              {STATE_LABEL[v.state]}: {RATING_SCALE[v.rating].label}
              {v.reused ? " (reused from another appearance)" : ""}
            </p>
            <p className="whitespace-pre-wrap">{v.rationale}</p>
            <VerdictByline verdict={v} />
            {v.returnNote ? (
              <p className="whitespace-pre-wrap">
                Note: <bdi>{v.returnNote}</bdi>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
