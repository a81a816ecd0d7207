import { CLAIM_STATUS_PHRASE, type ClaimStatus } from "@/db/schema/constants";
import type { Permission } from "@/lib/auth/permissions";

/**
 * The claim workflow as data: which action moves a claim from which states to which state.
 * Services ask this table before every status change, whatever the UI shows.
 */
export const CLAIM_ACTIONS = [
  "take",
  "assign",
  "start_review",
  "propose",
  "reuse_verdict",
  "approve",
  "return",
  "reopen",
  "dismiss",
  "restore",
] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

interface Transition {
  from: readonly ClaimStatus[];
  /** null: the status stays as it is (assignment only). */
  to: ClaimStatus | null;
}

export const TRANSITIONS: Record<ClaimAction, Transition> = {
  // A reviewer takes an open claim: it becomes theirs and is under review.
  take: { from: ["open"], to: "in_review" },
  // An editor assigns or reassigns; the status does not move.
  assign: { from: ["open", "in_review", "pending_approval"], to: null },
  start_review: { from: ["open"], to: "in_review" },
  propose: { from: ["in_review"], to: "pending_approval" },
  // A claim with no verdict of its own takes the approved verdict of its tracked claim as a
  // proposal: it goes to an editor exactly as a proposal written by hand does.
  reuse_verdict: { from: ["open", "in_review"], to: "pending_approval" },
  approve: { from: ["pending_approval"], to: "approved" },
  // An editor sends a pending verdict back, with a note.
  return: { from: ["pending_approval"], to: "in_review" },
  // Approved claims are read-only until an editor reopens them with a reason.
  reopen: { from: ["approved"], to: "in_review" },
  dismiss: { from: ["open", "in_review"], to: "dismissed" },
  restore: { from: ["dismissed"], to: "open" },
};

/** The permission each action needs (lib/auth/permissions.ts), checked before the claim's state. */
export const ACTION_PERMISSION: Record<ClaimAction, Permission> = {
  take: "claims.take",
  assign: "claims.assign",
  start_review: "claims.take",
  propose: "verdicts.propose",
  reuse_verdict: "verdicts.propose",
  approve: "verdicts.approve",
  return: "verdicts.approve",
  reopen: "verdicts.reopen",
  dismiss: "claims.edit",
  restore: "claims.edit",
};

/**
 * Changes to a claim that leave its status as it is, and the states that allow them: approved
 * claims are read-only, dismissed ones keep their sources as they were.
 */
export const CLAIM_EDITS = {
  edit: ["open", "in_review", "pending_approval", "dismissed"],
  // A proposed verdict is about this exact text, so a claim pending approval keeps its span.
  respan: ["open", "in_review", "dismissed"],
  split: ["open", "in_review"],
  merge: ["open", "in_review"],
  sources: ["open", "in_review", "pending_approval"],
  // Linking an appearance to a tracked claim (or out of one) says where else it was seen; it
  // changes nothing the verdict rests on, so any status allows it.
  track: ["open", "in_review", "pending_approval", "approved", "dismissed"],
  // When to check the claim again: a scheduling note beside the verdict, not part of it, so it may
  // change on an approved claim (where it matters: approved claims past it are due). A dismissed
  // claim will not be checked, now or later.
  recheck: ["open", "in_review", "pending_approval", "approved"],
} as const satisfies Record<string, readonly ClaimStatus[]>;
export type ClaimEdit = keyof typeof CLAIM_EDITS;

const ACTION_LABEL: Record<ClaimAction, string> = {
  take: "taken",
  assign: "assigned",
  start_review: "put under review",
  propose: "given a proposed verdict",
  reuse_verdict: "given a reused verdict",
  approve: "approved",
  return: "returned",
  reopen: "reopened",
  dismiss: "dismissed",
  restore: "restored",
};

export function canTransition(status: ClaimStatus, action: ClaimAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after the action, or null when the action is not allowed from this status. */
export function nextStatus(status: ClaimStatus, action: ClaimAction): ClaimStatus | null {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status)) return null;
  return transition.to ?? status;
}

/** A sentence for the user when an action is refused, e.g. "An approved claim cannot be dismissed." */
export function refusalMessage(status: ClaimStatus, action: ClaimAction): string {
  return `A claim that is ${CLAIM_STATUS_PHRASE[status]} cannot be ${ACTION_LABEL[action]}.`;
}
