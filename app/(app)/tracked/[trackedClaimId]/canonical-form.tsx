"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CANONICAL_MAX_LENGTH, editCanonicalTextSchema } from "@/lib/validation/tracking";
import { Button } from "../../../_components/button";
import { TextareaField } from "../../../_components/field";
import { useToast } from "../../../_components/toast";
import { useZodForm } from "../../../_components/use-zod-form";
import { editCanonicalTextAction } from "./actions";

const formSchema = editCanonicalTextSchema.pick({ canonicalText: true });

/**
 * An editor rewords the tracked claim. A conflict (another editor saved first) shows their wording
 * and keeps what this editor typed; saving again applies it over the newer version.
 */
export function CanonicalForm({
  trackedClaimId,
  canonicalText,
  version,
}: {
  trackedClaimId: string;
  canonicalText: string;
  version: number;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [base, setBase] = useState(version);
  const [conflict, setConflict] = useState<{ message: string; current: string | null } | null>(
    null,
  );
  const { handleSubmit, setError, field } = useZodForm(formSchema, { canonicalText });
  const onSubmit = handleSubmit((values) =>
    startTransition(async () => {
      const result = await editCanonicalTextAction({
        trackedClaimId,
        version: base,
        canonicalText: values.canonicalText,
      });
      if (result.ok) {
        setConflict(null);
        toast("Wording saved.", "success");
        router.refresh();
        return;
      }
      if (result.code === "conflict") {
        const current = (result.current ?? null) as {
          version?: number;
          canonicalText?: string;
        } | null;
        if (current?.version) setBase(current.version);
        setConflict({ message: result.error, current: current?.canonicalText ?? null });
        return;
      }
      const message = result.fieldErrors?.canonicalText?.[0];
      if (message) setError("canonicalText", { message });
      toast(result.error, "error");
    }),
  );
  return (
    <details className="rounded-lg border border-line bg-paper p-4">
      <summary className="cursor-pointer font-medium">Edit the wording</summary>
      <form onSubmit={onSubmit} noValidate className="mt-3 space-y-2">
        {conflict ? (
          <div
            role="alert"
            className="space-y-1 rounded-md border border-danger bg-wash p-3 text-sm"
          >
            <p className="font-medium">{conflict.message}</p>
            {conflict.current ? <p>Now: “{conflict.current}”</p> : null}
          </div>
        ) : null}
        <TextareaField
          label="Canonical wording"
          hint={`What the claim says, whatever each article's phrasing (at most ${CANONICAL_MAX_LENGTH} characters).`}
          rows={3}
          required
          {...field("canonicalText")}
        />
        <Button type="submit" busy={pending}>
          Save wording
        </Button>
      </form>
    </details>
  );
}
