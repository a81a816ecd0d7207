"use client";

import type { ClaimStatus } from "@/db/schema/constants";
import { recheckFieldsSchema } from "@/lib/validation/recheck";
import { reopenClaimSchema } from "@/lib/validation/workflow";
import { Button } from "../../../../../_components/button";
import { InputField, TextareaField } from "../../../../../_components/field";
import { useZodForm } from "../../../../../_components/use-zod-form";
import { reopenClaimAction, setRecheckAction } from "./actions";
import { useClaimAction } from "./use-claim-action";

interface Props {
  where: { articleId: string; claimId: string };
  claim: {
    version: number;
    status: ClaimStatus;
    recheckOn: string | null;
    recheckReason: string | null;
  };
  /** Today (yyyy-mm-dd, UTC) as the server saw it: an approved claim dated on or before is due. */
  today: string;
  /** May this user set or clear the date now (getClaimDetail `me.canSetRecheck`). */
  editable: boolean;
  /** May this user reopen the claim now (the workflow's `reopen`, editors on approved claims). */
  canReopen: boolean;
}

/**
 * When the claim should be checked again: the date and why, a form to set or clear it, and for a
 * due approved claim the way to reopen it for the new check.
 */
export function RecheckPanel({ where, claim, today, editable, canReopen }: Props) {
  const due = claim.status === "approved" && claim.recheckOn !== null && claim.recheckOn <= today;
  return (
    <section aria-labelledby="recheck-heading" className="space-y-3" data-testid="recheck-panel">
      <h2 id="recheck-heading" className="text-xl font-semibold">
        Re-check
      </h2>
      {claim.recheckOn ? (
        <p>
          {due ? (
            <strong className="text-danger">Due for re-check since {claim.recheckOn}. </strong>
          ) : (
            <>
              Check again on <time dateTime={claim.recheckOn}>{claim.recheckOn}</time>.{" "}
            </>
          )}
          <span className="text-muted">{claim.recheckReason ?? "No reason given."}</span>
        </p>
      ) : (
        <p className="text-muted">
          No re-check date. Set one when the claim depends on a figure or a date that will change.
        </p>
      )}
      {editable ? <RecheckForm where={where} claim={claim} /> : null}
      {due && canReopen ? (
        // Keyed by the version, so a changed date or reason fills the reason afresh.
        <ReopenForRecheck key={claim.version} where={where} claim={claim} />
      ) : null}
    </section>
  );
}

function RecheckForm({ where, claim }: Pick<Props, "where" | "claim">) {
  const { pending, run } = useClaimAction();
  const { handleSubmit, field, setError, reset } = useZodForm(recheckFieldsSchema, {
    recheckOn: claim.recheckOn ?? "",
    reason: claim.recheckReason ?? "",
  });
  const onFailure = (failure: { fieldErrors?: Record<string, string[]> }) => {
    for (const name of ["recheckOn", "reason"] as const) {
      const message = failure.fieldErrors?.[name]?.[0];
      if (message) setError(name, { message });
    }
  };
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={handleSubmit((values) =>
        run(
          () =>
            setRecheckAction(where, {
              recheckOn: values.recheckOn ?? "",
              reason: values.reason,
              version: claim.version,
            }),
          {
            success: values.recheckOn ? "Re-check date saved." : "Re-check date cleared.",
            onFailure,
          },
        ),
      )}
    >
      <InputField
        type="date"
        label="Re-check on"
        hint="A past date is allowed: an approved claim is then due at once."
        {...field("recheckOn")}
      />
      <div className="min-w-[16rem] flex-1">
        <InputField label="Reason" {...field("reason")} />
      </div>
      <Button type="submit" variant="secondary" busy={pending}>
        Save re-check date
      </Button>
      {claim.recheckOn ? (
        <Button
          type="button"
          variant="secondary"
          busy={pending}
          onClick={() =>
            run(() => setRecheckAction(where, { recheckOn: "", version: claim.version }), {
              success: "Re-check date cleared.",
              onSuccess: () => reset({ recheckOn: "", reason: "" }),
              onFailure,
            })
          }
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}

function ReopenForRecheck({ where, claim }: Pick<Props, "where" | "claim">) {
  const { pending, run } = useClaimAction();
  const { handleSubmit, field, setError } = useZodForm(reopenForRecheckSchema, {
    reason: `Due for re-check on ${claim.recheckOn}${claim.recheckReason ? `: ${claim.recheckReason}` : "."}`,
  });
  return (
    <form
      noValidate
      className="space-y-2 rounded-lg border border-line bg-paper p-4"
      onSubmit={handleSubmit((values) =>
        run(
          () =>
            reopenClaimAction(where, {
              reason: values.reason,
              version: claim.version,
              forRecheck: true,
            }),
          {
            success: "Claim reopened for re-check.",
            onFailure: (f) => {
              const message = f.fieldErrors?.reason?.[0];
              if (message) setError("reason", { message });
            },
          },
        ),
      )}
    >
      <TextareaField
        label="Reason for re-opening"
        hint="The approved verdict stays in the history; a published report logs a correction. The re-check date is cleared."
        rows={2}
        required
        {...field("reason")}
      />
      <Button type="submit" variant="danger" busy={pending}>
        Re-open for re-check
      </Button>
    </form>
  );
}

// The reason as any reopening takes it: the same rules on the page and in the service.
const reopenForRecheckSchema = reopenClaimSchema.pick({ reason: true });
