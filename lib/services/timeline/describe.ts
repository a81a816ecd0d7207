import {
  CLAIM_STATUS_PHRASE,
  type ClaimStatus,
  RATING_SCALE,
  type Rating,
} from "@/db/schema/constants";

export interface TimelineEvent {
  id: string;
  action: string;
  at: Date;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

export interface TimelineEntry {
  id: string;
  at: Date;
  actor: string;
  summary: string;
  /** Free text a person wrote (a note, reason or comment), shown as text under the summary. */
  detail: string | null;
}

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag =>
  value && typeof value === "object" ? (value as Bag) : ({} as Bag);
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

function statusPhrase(value: unknown): string {
  const key = str(value) as ClaimStatus | null;
  return key && key in CLAIM_STATUS_PHRASE ? CLAIM_STATUS_PHRASE[key] : "?";
}

function ratingLabel(value: unknown): string {
  const key = str(value) as Rating | null;
  return key && key in RATING_SCALE ? RATING_SCALE[key].label : "no rating";
}

/**
 * One sentence per audit row, naming people by name. `names` maps user ids seen in before/after
 * (assignees, proposers) to names.
 */
export function describeEvent(event: TimelineEvent, names: Map<string, string>): TimelineEntry {
  const before = bag(event.before);
  const after = bag(event.after);
  const person = (id: unknown) => {
    const key = str(id);
    return key ? (names.get(key) ?? "a former user") : "nobody";
  };
  const move = () =>
    before.status !== after.status && str(after.status)
      ? ` (${statusPhrase(before.status)} → ${statusPhrase(after.status)})`
      : "";
  let summary: string;
  let detail: string | null = null;
  switch (event.action) {
    case "claim.take":
      summary = `took the claim${move()}`;
      break;
    case "claim.start_review":
      summary = `started the review${move()}`;
      break;
    case "claim.assign":
      summary = after.assigneeId
        ? `assigned the claim to ${person(after.assigneeId)}${after.bulk ? " (bulk)" : ""}`
        : "unassigned the claim";
      break;
    case "verdict.propose":
      summary = `proposed the verdict "${ratingLabel(after.rating)}"${move()}`;
      detail = str(after.rationale);
      break;
    case "verdict.approve":
      summary = `approved the verdict "${ratingLabel(after.rating)}"${move()}`;
      break;
    case "verdict.return":
      summary = `returned the verdict for more work${move()}`;
      detail = str(after.note);
      break;
    case "claim.reopen":
      summary = `reopened the claim, withdrawing "${ratingLabel(before.rating)}"${move()}${
        after.correctionId ? "; a correction was logged on the published report" : ""
      }`;
      detail = str(after.reason);
      break;
    case "claim.recheck":
      summary = str(after.recheckOn)
        ? `set the re-check date to ${str(after.recheckOn)}`
        : "cleared the re-check date";
      detail = str(after.recheckReason);
      break;
    case "source.add":
      summary = `added the source "${str(after.title) ?? "untitled"}"`;
      break;
    case "source.edit":
      summary = `edited the source "${str(after.title) ?? "untitled"}"`;
      break;
    case "source.remove":
      summary = `removed the source "${str(before.title) ?? "untitled"}"`;
      break;
    case "comment.add":
      summary = "commented";
      detail = str(after.body);
      break;
    // Claim-list edits, written by lib/services/claims.
    case "claim.create":
      summary = after.splitFrom ? "created the claim by splitting another" : "added the claim";
      break;
    case "claim.update":
      summary = "edited the claim";
      break;
    case "claim.respan":
      summary = "moved the claim's span in the text";
      detail = str(after.text);
      break;
    case "claim.split":
      summary = "split the claim in two";
      break;
    case "claim.merge":
      summary = "merged another claim into this one";
      break;
    case "claim.dismiss":
      summary = `dismissed the claim${move()}`;
      detail = str(after.dismissReason)?.replace(/_/g, " ") ?? null;
      break;
    case "claim.restore":
      summary = `restored the claim${move()}`;
      break;
    // Claim tracking (lib/services/tracking).
    case "match.same":
      summary = "marked an earlier claim as the same claim";
      break;
    case "match.not_same":
      summary = "marked an earlier claim as not the same claim";
      break;
    case "claim.track":
      summary = after.mergedFrom
        ? "moved the claim into an older tracked claim (two tracked claims merged)"
        : "linked the claim to a tracked claim";
      break;
    case "claim.untrack":
      summary = "took the claim out of its tracked claim";
      break;
    case "verdict.reuse":
      summary = `reused the approved verdict "${ratingLabel(after.rating)}" of another appearance${move()}`;
      detail = str(after.rationale);
      break;
    default:
      summary = `${event.action.replace(/[._]/g, " ")}${move()}`;
      detail = str(after.reason) ?? str(after.dismissReason);
  }
  return {
    id: event.id,
    at: event.at,
    actor: event.actorName ?? "a former user",
    summary,
    detail,
  };
}
