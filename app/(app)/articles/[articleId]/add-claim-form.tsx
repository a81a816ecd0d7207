"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ClaimKindName } from "@/db/schema/constants";
import { Button } from "../../../_components/button";
import { FormError } from "../../../_components/field";
import { useToast } from "../../../_components/toast";
import { addClaimAction } from "./actions";
import type { TextSpan } from "./text-selection";
import { fromRows, KindSelect, type ValueRow, ValuesEditor } from "./values-editor";

/** Turns the current text selection into a manual claim. */
export function AddClaimForm({
  articleId,
  selection,
  onDone,
}: {
  articleId: string;
  selection: TextSpan;
  onDone: (claimId: string) => void;
}) {
  const router = useRouter();
  const toast = useToast();
  const [pending, startTransition] = useTransition();
  const [kind, setKind] = useState<ClaimKindName>("statement");
  const [rows, setRows] = useState<ValueRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  // A new selection brings the form into view in the side column.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <form
      ref={ref}
      aria-labelledby="add-claim-heading"
      className="space-y-3 rounded-md border border-accent bg-paper p-3"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await addClaimAction({
            articleId,
            ...selection,
            kind,
            values: fromRows(rows),
          });
          if (!result.ok) {
            setError(result.error);
            return;
          }
          toast("Claim added.", "success");
          onDone(result.data.id);
          router.refresh();
        });
      }}
    >
      <h3 id="add-claim-heading" className="font-semibold">
        Add a claim from the selection
      </h3>
      <blockquote className="max-h-32 overflow-auto border-l-4 border-accent pl-2 text-sm">
        {selection.text}
      </blockquote>
      <KindSelect label="Kind of the new claim" value={kind} onChange={setKind} />
      <ValuesEditor rows={rows} onChange={setRows} />
      <FormError message={error} />
      <Button type="submit" busy={pending}>
        Add claim
      </Button>
    </form>
  );
}
