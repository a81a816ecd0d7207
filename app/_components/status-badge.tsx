import { CLAIM_STATUS_LABEL, type ClaimStatus } from "@/db/schema/constants";

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
      {CLAIM_STATUS_LABEL[status]}
    </span>
  );
}
