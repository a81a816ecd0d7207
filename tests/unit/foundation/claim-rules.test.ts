import { describe, expect, it } from "vitest";
import type { UserRole } from "@/db/schema/constants";
import { PreconditionFailedError } from "@/lib/errors";
import { allowedActions, canEditSources, claimRefusal } from "@/lib/services/claims/claim-rules";

const user = (role: UserRole, id = `${role}-1`) => ({
  id,
  role,
  email: `${id}@example.test`,
  name: id,
});
const reviewer = user("reviewer");
const editor = user("editor");

describe("the claim's rules", () => {
  it("names the rule that refuses, with its one wording, as a 409 precondition_failed", () => {
    const refusal = claimRefusal(reviewer, { status: "open", assigneeId: "someone" }, "take");
    expect(refusal).toBeInstanceOf(PreconditionFailedError);
    expect(refusal).toMatchObject({ status: 409, code: "precondition_failed" });
    expect(refusal?.rule).toBe("assigned_elsewhere");
    const cases = [
      [editor, { status: "approved", assigneeId: null }, "dismiss", "transition"],
      [editor, { status: "open", assigneeId: "someone" }, "take", "take_assigned"],
      [editor, { status: "approved", assigneeId: null }, "edit", "read_only"],
      [editor, { status: "approved", assigneeId: null }, "sources", "read_only"],
      [editor, { status: "dismissed", assigneeId: null }, "sources", "dismissed"],
      [editor, { status: "pending_approval", assigneeId: null }, "respan", "respan"],
      [editor, { status: "pending_approval", assigneeId: null }, "split", "split"],
      [editor, { status: "pending_approval", assigneeId: null }, "merge", "merge"],
    ] as const;
    for (const [who, claim, change, rule] of cases) {
      expect(claimRefusal(who, claim, change)?.rule).toBe(rule);
    }
    expect(claimRefusal(editor, { status: "approved", assigneeId: null }, "dismiss")?.message).toBe(
      "A claim that is approved cannot be dismissed.",
    );
  });

  it("keeps the two-person rule: the proposer may not approve", () => {
    const pending = { status: "pending_approval", assigneeId: null } as const;
    expect(claimRefusal(editor, pending, "approve", { proposedBy: editor.id })?.rule).toBe(
      "two_person",
    );
    expect(claimRefusal(editor, pending, "approve", { proposedBy: "another" })).toBeNull();
    expect(allowedActions(editor, pending, { proposedBy: editor.id })).toEqual([
      "assign",
      "return",
    ]);
  });

  it("offers only what the role and the claim allow", () => {
    expect(allowedActions(reviewer, { status: "open", assigneeId: null })).toEqual([
      "take",
      "start_review",
      "dismiss",
    ]);
    expect(allowedActions(reviewer, { status: "open", assigneeId: "someone" })).toEqual([]);
    expect(allowedActions(editor, { status: "open", assigneeId: "someone" })).toEqual([
      "assign",
      "start_review",
      "dismiss",
    ]);
    expect(allowedActions(reviewer, { status: "approved", assigneeId: reviewer.id })).toEqual([]);
    expect(allowedActions(user("admin"), { status: "approved", assigneeId: null })).toEqual([
      "reopen",
    ]);
    expect(canEditSources(reviewer, { status: "pending_approval", assigneeId: null })).toBe(true);
    expect(canEditSources(reviewer, { status: "dismissed", assigneeId: null })).toBe(false);
  });
});
