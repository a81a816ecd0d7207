"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "../../../../_components/button";
import { Dialog } from "../../../../_components/dialog";
import { FormError, SelectField } from "../../../../_components/field";
import { useToast } from "../../../../_components/toast";
import { bulkAssignClaimsAction } from "./actions";

export interface BulkAssignProps {
  articleId: string;
  /**
   * The article's assignable claims (status open, in review or pending approval), each with
   * the version the page read: a claim changed since then makes the whole assignment a conflict.
   */
  claims: { id: string; version: number; text: string; assigneeName?: string | null }[];
  /** Active reviewers, editors and admins (see listAssignees in lib/services/workflow). */
  assignees: { id: string; name: string }[];
}

/**
 * "Assign claims…" for an article's claim-list toolbar (editors only: render it when the user
 * may `claims.assign`). Opens a dialog to pick claims and one person, then assigns all or none.
 */
export function BulkAssign({ articleId, claims, assignees }: BulkAssignProps) {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assigneeId, setAssigneeId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const router = useRouter();

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = claims.length > 0 && selected.size === claims.length;

  const submit = () => {
    setError(null);
    if (selected.size === 0) return setError("Select at least one claim.");
    if (!assigneeId) return setError("Choose who gets the claims.");
    startTransition(async () => {
      const result = await bulkAssignClaimsAction({
        articleId,
        assigneeId,
        claims: claims
          .filter((c) => selected.has(c.id))
          .map((c) => ({ id: c.id, version: c.version })),
      });
      if (!result.ok) {
        setError(result.error);
        if (result.code === "conflict") router.refresh();
        return;
      }
      toast(
        `Assigned ${result.data.assigned} claim${result.data.assigned === 1 ? "" : "s"} to ${result.data.assignee}.`,
        "success",
      );
      setSelected(new Set());
      setOpen(false);
    });
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} disabled={claims.length === 0}>
        Assign claims…
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Assign claims">
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <SelectField
            label="Assign to"
            value={assigneeId}
            onChange={(event) => setAssigneeId(event.target.value)}
            options={[
              { value: "", label: "Choose a person" },
              ...assignees.map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Claims ({selected.size} selected)</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={allSelected}
                onChange={() =>
                  setSelected(allSelected ? new Set() : new Set(claims.map((c) => c.id)))
                }
              />
              Select all
            </label>
            <ul className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-line p-2">
              {claims.map((c) => (
                <li key={c.id}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="mt-1"
                      checked={selected.has(c.id)}
                      onChange={() => toggle(c.id)}
                    />
                    <span>
                      {c.text.length > 140 ? `${c.text.slice(0, 137)}…` : c.text}
                      {c.assigneeName ? (
                        <span className="text-muted"> — now {c.assigneeName}</span>
                      ) : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <FormError message={error} />
          <div className="flex gap-2">
            <Button type="submit" busy={pending}>
              Assign {selected.size || ""} selected
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
