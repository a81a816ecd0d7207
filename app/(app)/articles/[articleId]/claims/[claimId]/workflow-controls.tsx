"use client";

import { useId, useState } from "react";
import type { ClaimAction } from "@/lib/services/claims/transitions";
import { Button } from "../../../../../_components/button";
import { assignClaimAction, startReviewAction, takeClaimAction } from "./actions";
import { useClaimAction } from "./use-claim-action";

export interface WorkflowControlsProps {
  where: { articleId: string; claimId: string };
  claim: { version: number; assigneeId: string | null };
  /** What the service allows this user now (getClaimDetail); the controls offer exactly that. */
  allowed: readonly ClaimAction[];
  assignees: { id: string; name: string; role: string }[];
}

/** Take, start and (for editors) assign: the controls that give a claim an owner. */
export function WorkflowControls({ where, claim, allowed, assignees }: WorkflowControlsProps) {
  const { pending, run } = useClaimAction();
  const [assigneeId, setAssigneeId] = useState(claim.assigneeId ?? "");
  const selectId = useId();
  const ref = { version: claim.version };
  const canTake = allowed.includes("take");
  const canStart = allowed.includes("start_review");
  const canAssign = allowed.includes("assign");

  if (!canTake && !canStart && !canAssign) return null;
  return (
    <div className="flex flex-wrap items-end gap-3">
      {canTake ? (
        <Button
          busy={pending}
          onClick={() =>
            run(() => takeClaimAction(where, ref), { success: "The claim is yours now." })
          }
        >
          Take this claim
        </Button>
      ) : null}
      {canStart ? (
        <Button
          busy={pending}
          onClick={() => run(() => startReviewAction(where, ref), { success: "Review started." })}
        >
          Start review
        </Button>
      ) : null}
      {canAssign ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => assignClaimAction(where, { ...ref, assigneeId: assigneeId || null }), {
              success: assigneeId ? "Assigned." : "Unassigned.",
            });
          }}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={selectId} className="text-sm font-medium">
              Assign to
            </label>
            <select
              id={selectId}
              value={assigneeId}
              onChange={(event) => setAssigneeId(event.target.value)}
              className="rounded-md border border-line bg-paper px-3 py-2"
            >
              <option value="">Nobody (unassigned)</option>
              {assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({a.role})
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" busy={pending}>
            {claim.assigneeId ? "Reassign" : "Assign"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
