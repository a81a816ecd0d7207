import type { ClaimStatus } from "@/db/schema/constants";
import { can, canActOnClaim, type Permission } from "@/lib/auth/permissions";
import { PreconditionFailedError } from "@/lib/errors";
import type { SessionUser } from "@/lib/services/context";
import {
  ACTION_PERMISSION,
  CLAIM_ACTIONS,
  CLAIM_EDITS,
  type ClaimAction,
  type ClaimEdit,
  canTransition,
  nextStatus,
  refusalMessage,
} from "./transitions";

/** A status change from the workflow table, or an edit that keeps the status. */
export type ClaimChange = ClaimAction | ClaimEdit;

/** What the rules read of a claim. */
export interface ClaimFacts {
  status: ClaimStatus;
  assigneeId: string | null;
}

/** Who proposed the pending verdict, when the change is an approval (the two-person rule). */
export interface ProposalFacts {
  proposedBy?: string | null;
  /**
   * Whether another appearance of the claim's tracked claim has an approved verdict to reuse
   * (reusing one needs it).
   */
  reusableVerdict?: boolean;
}

/** One wording per rule; the rule's name travels with the error (`PreconditionFailedError.rule`). */
const RULE_MESSAGES = {
  assigned_elsewhere: "This claim is assigned to someone else: an editor can reassign it.",
  take_assigned: "This claim is assigned to someone else: assign it rather than take it.",
  two_person: "You proposed this verdict, so another editor must approve it (two-person rule).",
  read_only: "This claim is approved and read-only. An editor can reopen it with a reason.",
  dismissed: "This claim is dismissed. Restore it before changing it.",
  respan: "A claim pending approval keeps its text: an editor can return it to review first.",
  split: "Only an open claim or one under review can be split.",
  merge: "Only open claims or claims under review can be merged.",
  no_reusable_verdict:
    "There is no approved verdict to reuse: link this claim to a tracked claim whose other appearance has one.",
} as const;
export type ClaimRule = keyof typeof RULE_MESSAGES | "transition";

function refuse(rule: keyof typeof RULE_MESSAGES) {
  return new PreconditionFailedError(rule, RULE_MESSAGES[rule]);
}

function isEdit(change: ClaimChange): change is ClaimEdit {
  return change in CLAIM_EDITS;
}

/** The status an allowed change leads to: the workflow table's answer; edits keep the status. */
export function statusAfter(status: ClaimStatus, change: ClaimChange): ClaimStatus {
  return (!isEdit(change) && nextStatus(status, change)) || status;
}

/** The rule that refuses an edit, by the claim's status. */
const EDIT_RULE: Record<ClaimEdit, keyof typeof RULE_MESSAGES> = {
  edit: "read_only",
  respan: "respan",
  split: "split",
  merge: "merge",
  sources: "read_only",
  track: "read_only",
  recheck: "dismissed",
};

function editRefusal(status: ClaimStatus, edit: ClaimEdit) {
  if (status === "approved") return refuse("read_only");
  if (status === "dismissed") return refuse("dismissed");
  return refuse(EDIT_RULE[edit]);
}

/**
 * Why the claim's present state refuses this change by this user, or null when it allows it.
 * The role's permission is checked apart (a ForbiddenError, 403): this is about the claim. The
 * order is the order of the checks: who may act on the claim, then the workflow table, then the
 * rules of single actions.
 */
export function claimRefusal(
  user: SessionUser,
  claim: ClaimFacts,
  change: ClaimChange,
  facts: ProposalFacts = {},
): PreconditionFailedError | null {
  // Reviewers may see every claim, so this is a refusal rather than a "not found". Linking is
  // the exception: saying where else a claim was seen does not touch the work of whoever holds it,
  // and the earlier appearance a reviewer links to is usually someone else's approved claim.
  if (change !== "track" && !canActOnClaim(user, claim)) return refuse("assigned_elsewhere");
  if (isEdit(change)) {
    const allowed: readonly ClaimStatus[] = CLAIM_EDITS[change];
    return allowed.includes(claim.status) ? null : editRefusal(claim.status, change);
  }
  if (!canTransition(claim.status, change)) {
    return new PreconditionFailedError("transition", refusalMessage(claim.status, change));
  }
  if (change === "take" && claim.assigneeId !== null && claim.assigneeId !== user.id) {
    return refuse("take_assigned");
  }
  if (change === "approve" && facts.proposedBy === user.id) return refuse("two_person");
  if (change === "reuse_verdict" && !facts.reusableVerdict) return refuse("no_reusable_verdict");
  return null;
}

/** Throws the refusal, if there is one. */
export function requireAllowed(
  user: SessionUser,
  claim: ClaimFacts,
  change: ClaimChange,
  facts: ProposalFacts = {},
): void {
  const refusal = claimRefusal(user, claim, change, facts);
  if (refusal) throw refusal;
}

/** The permission a change needs: the workflow table's for an action, the editing one else. */
function changePermission(change: ClaimChange): Permission {
  if (!isEdit(change)) return ACTION_PERMISSION[change];
  return change === "sources" ? "sources.manage" : "claims.edit";
}

/** Whether the user's role allows the change and the claim's present state lets them make it. */
function mayChange(
  user: SessionUser,
  claim: ClaimFacts,
  change: ClaimChange,
  facts: ProposalFacts = {},
): boolean {
  return can(user.role, changePermission(change)) && !claimRefusal(user, claim, change, facts);
}

/**
 * The workflow actions this user may take on the claim now: what the claim page offers, and
 * exactly what the services accept (tests/integration/claim-allowed.test.ts compares the two).
 */
export function allowedActions(
  user: SessionUser,
  claim: ClaimFacts,
  facts: ProposalFacts = {},
): ClaimAction[] {
  return CLAIM_ACTIONS.filter((action) => mayChange(user, claim, action, facts));
}

/** Whether the user may set or clear the claim's re-check date now (set-recheck.ts). */
export function canSetRecheck(user: SessionUser, claim: ClaimFacts): boolean {
  return can(user.role, "claims.recheck") && !claimRefusal(user, claim, "recheck");
}

/** Whether the user may add, edit and remove the claim's sources now. */
export function canEditSources(user: SessionUser, claim: ClaimFacts): boolean {
  return mayChange(user, claim, "sources");
}

/** What the article page's claim editor can do to a claim; a merge needs both claims to allow it. */
export const EDITOR_CHANGES = [
  "edit",
  "respan",
  "split",
  "merge",
  "dismiss",
  "restore",
] as const satisfies readonly ClaimChange[];
export type EditorChange = (typeof EDITOR_CHANGES)[number];

/**
 * The claim editor's changes this user may make to the claim now, by the same rules the services
 * apply (claim-allowed.test.ts compares them too); and, when it allows none, the rule's wording for
 * why, which the editor shows instead.
 */
export function editorChanges(
  user: SessionUser,
  claim: ClaimFacts,
): { allowed: EditorChange[]; locked: string | null } {
  const allowed = EDITOR_CHANGES.filter((change) => mayChange(user, claim, change));
  const locked = allowed.length > 0 ? null : (claimRefusal(user, claim, "edit")?.message ?? null);
  return { allowed, locked };
}
