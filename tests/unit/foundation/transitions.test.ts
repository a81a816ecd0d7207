import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES, type ClaimStatus } from "@/db/schema/constants";
import {
  CLAIM_ACTIONS,
  type ClaimAction,
  nextStatus,
  refusalMessage,
} from "@/lib/services/claims/transitions";

// The whole table, written out by hand: every pair of state and action, allowed (→ state) or refused.
const EXPECTED: Record<ClaimStatus, Partial<Record<ClaimAction, ClaimStatus>>> = {
  open: {
    take: "in_review",
    assign: "open",
    start_review: "in_review",
    reuse_verdict: "pending_approval",
    dismiss: "dismissed",
  },
  in_review: {
    assign: "in_review",
    propose: "pending_approval",
    reuse_verdict: "pending_approval",
    dismiss: "dismissed",
  },
  pending_approval: { assign: "pending_approval", approve: "approved", return: "in_review" },
  approved: { reopen: "in_review" },
  dismissed: { restore: "open" },
};

describe("claim workflow transitions", () => {
  for (const status of CLAIM_STATUSES) {
    for (const action of CLAIM_ACTIONS) {
      const expected = EXPECTED[status][action] ?? null;
      it(`${action} from ${status}: ${expected ? `→ ${expected}` : "refused"}`, () => {
        expect(nextStatus(status, action)).toBe(expected);
      });
    }
  }

  it("explains a refusal in words", () => {
    expect(refusalMessage("approved", "dismiss")).toBe(
      "A claim that is approved cannot be dismissed.",
    );
  });
});
