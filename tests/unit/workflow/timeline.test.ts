import { describe, expect, it } from "vitest";
import { describeEvent } from "@/lib/services/timeline/describe";

const at = new Date("2026-01-02T03:04:05Z");
const names = new Map([["u1", "Rita Reviewer"]]);
const event = (action: string, before: unknown, after: unknown) => ({
  id: "e",
  action,
  at,
  actorName: "Eddie Editor",
  before,
  after,
});

describe("timeline sentences", () => {
  it("tells status changes, assignments, verdicts, sources and comments", () => {
    expect(
      describeEvent(event("claim.take", { status: "open" }, { status: "in_review" }), names)
        .summary,
    ).toBe("took the claim (open → in review)");
    expect(
      describeEvent(event("claim.assign", { assigneeId: null }, { assigneeId: "u1" }), names)
        .summary,
    ).toBe("assigned the claim to Rita Reviewer");
    const proposed = describeEvent(
      event(
        "verdict.propose",
        { status: "in_review" },
        { status: "pending_approval", rating: "mostly_true", rationale: "Because." },
      ),
      names,
    );
    expect(proposed.summary).toBe(
      'proposed the verdict "Mostly true" (in review → pending approval)',
    );
    expect(proposed.detail).toBe("Because.");
    expect(
      describeEvent(event("verdict.return", {}, { status: "in_review", note: "More." }), names)
        .detail,
    ).toBe("More.");
    expect(describeEvent(event("source.remove", { title: "Doc" }, null), names).summary).toBe(
      'removed the source "Doc"',
    );
    const comment = describeEvent(event("comment.add", null, { body: "<b>hi</b>" }), names);
    expect(comment).toMatchObject({
      actor: "Eddie Editor",
      summary: "commented",
      detail: "<b>hi</b>",
    });
  });

  it("tells claim-list edits such as a dismissal with its reason", () => {
    const entry = describeEvent(
      event(
        "claim.dismiss",
        { status: "open" },
        { status: "dismissed", dismissReason: "not_check_worthy" },
      ),
      names,
    );
    expect(entry.summary).toBe("dismissed the claim (open → dismissed)");
    expect(entry.detail).toBe("not check worthy");
  });

  it("still says something for actions it does not know", () => {
    const entry = describeEvent(
      event("claim.archive", { status: "open" }, { status: "dismissed", reason: "old" }),
      names,
    );
    expect(entry.summary).toBe("claim archive (open → dismissed)");
    expect(entry.detail).toBe("old");
  });
});
