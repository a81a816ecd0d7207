import { formatTime } from "@/lib/format-time";

/** Who proposed a verdict and when, then who approved or returned it: one line in a history. */
export function VerdictByline({
  verdict: v,
}: {
  verdict: {
    proposedByName: string | null;
    createdAt: Date | string;
    approvedByName?: string | null;
    approvedAt?: Date | string | null;
    returnedByName?: string | null;
    returnedAt?: Date | string | null;
  };
}) {
  return (
    <p className="text-muted">
      Proposed by <bdi>{v.proposedByName ?? "a former user"}</bdi> on {formatTime(v.createdAt)}
      {v.approvedAt ? (
        <>
          ; approved by <bdi>{v.approvedByName ?? "a former user"}</bdi> on{" "}
          {formatTime(v.approvedAt)}
        </>
      ) : null}
      {v.returnedAt ? (
        <>
          ; returned by <bdi>{v.returnedByName ?? "a former user"}</bdi> on{" "}
          {formatTime(v.returnedAt)}
        </>
      ) : null}
    </p>
  );
}
