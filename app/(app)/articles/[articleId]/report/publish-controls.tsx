"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "../../../../_components/button";
import { FormError, TextareaField } from "../../../../_components/field";
import { useToast } from "../../../../_components/toast";
import { publishReportAction, revokeReportAction } from "./actions";

interface Props {
  articleId: string;
  publication: { url: string; publishedAt: string } | null;
  openClaims: number;
  approvedClaims: number;
}

/** For editors: publish (or republish with a reason) and revoke the public link. */
export function PublishControls({ articleId, publication, openClaims, approvedClaims }: Props) {
  const toast = useToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const blocked = openClaims > 0 || approvedClaims === 0;

  const publish = () =>
    startTransition(async () => {
      setError(null);
      setReasonError(undefined);
      const result = await publishReportAction({ articleId, reason });
      if (result.ok) {
        toast(
          result.data.corrections
            ? `Republished with ${result.data.corrections} correction${result.data.corrections === 1 ? "" : "s"}.`
            : "Report published.",
          "success",
        );
        setReason("");
        router.refresh();
      } else {
        setError(result.error);
        setReasonError(result.fieldErrors?.reason?.[0]);
      }
    });

  const revoke = () =>
    startTransition(async () => {
      const result = await revokeReportAction({ articleId });
      if (result.ok) toast("The public link no longer works.", "success");
      else toast(result.error, "error");
      router.refresh();
    });

  return (
    <section
      aria-labelledby="publish-heading"
      className="space-y-3 rounded-md border border-line p-4"
    >
      <h2 id="publish-heading" className="text-lg font-semibold">
        Publish
      </h2>
      {publication ? (
        <p className="text-sm">
          Public link:{" "}
          <a
            href={publication.url}
            className="break-all text-accent underline"
            data-testid="public-link"
          >
            {publication.url}
          </a>{" "}
          <span className="text-muted">(published {publication.publishedAt.slice(0, 10)})</span>
        </p>
      ) : (
        <p className="text-sm text-muted">Not published: only signed-in users can read it.</p>
      )}
      {openClaims > 0 ? (
        <p className="text-sm" role="note">
          {openClaims} claim{openClaims === 1 ? " is" : "s are"} still open. The report can be
          published once every claim is approved or dismissed.
        </p>
      ) : approvedClaims === 0 ? (
        <p className="text-sm" role="note">
          No claim has an approved verdict yet, so there is nothing to publish.
        </p>
      ) : null}
      {!blocked ? (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            publish();
          }}
        >
          {publication ? (
            <TextareaField
              label="Why did the report change?"
              hint="Required when a verdict changed; readers see it in the corrections log."
              name="reason"
              rows={2}
              maxLength={1000}
              value={reason}
              error={reasonError}
              onChange={(event) => setReason(event.target.value)}
            />
          ) : null}
          <FormError message={error} />
          <Button type="submit" busy={pending}>
            {publication ? "Republish with corrections" : "Publish report"}
          </Button>
        </form>
      ) : null}
      {publication ? (
        <Button variant="danger" busy={pending} onClick={revoke}>
          Revoke public link
        </Button>
      ) : null}
    </section>
  );
}
