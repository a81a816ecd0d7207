import type { ClaimStatus } from "@/db/schema/constants";

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  open: "Open",
  in_review: "In review",
  pending_approval: "Waiting for approval",
  approved: "Approved",
  dismissed: "Dismissed",
};

const TONE: Record<ClaimStatus, string> = {
  open: "border-line",
  in_review: "border-accent",
  pending_approval: "border-accent bg-wash",
  approved: "border-ok",
  dismissed: "border-line text-muted",
};

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <span
      data-testid="claim-status"
      className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${TONE[status]}`}
    >
      {STATUS_LABEL[status]}
    </span>
  );
}
