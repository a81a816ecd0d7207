import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/services/timeline/describe";

const event = (action: string, before: unknown, after: unknown) => ({
  id: "e",
  action,
  at: new Date("2026-01-02T03:04:05Z"),
  actorName: "Rita Reviewer",
  before,
  after,
});
const say = (action: string, before: unknown, after: unknown) =>
  describeEvent(event(action, before, after), new Map()).summary;

describe("timeline sentences of claim tracking", () => {
  it("tells decisions, links and reused verdicts", () => {
    expect(say("match.same", { state: "suggested" }, { state: "same" })).toBe(
      "marked an earlier claim as the same claim",
    );
    expect(say("match.not_same", { state: "suggested" }, { state: "not_same" })).toBe(
      "marked an earlier claim as not the same claim",
    );
    expect(say("claim.track", { trackedClaimId: null }, { trackedClaimId: "t" })).toBe(
      "linked the claim to a tracked claim",
    );
    expect(
      say("claim.track", { trackedClaimId: "a" }, { trackedClaimId: "b", mergedFrom: "a" }),
    ).toBe("moved the claim into an older tracked claim (two tracked claims merged)");
    expect(say("claim.untrack", { trackedClaimId: "t" }, { trackedClaimId: null })).toBe(
      "took the claim out of its tracked claim",
    );
    expect(
      say("verdict.reuse", { status: "open" }, { status: "pending_approval", rating: "false" }),
    ).toBe('reused the approved verdict "False" of another appearance (open → pending approval)');
  });
});
