import Link from "next/link";
import { formatTime } from "@/lib/format-time";
import type { HistoryRow } from "@/lib/services/articles/get-article";

const ACTION_LABEL: Record<string, string> = {
  "article.import": "imported the article",
  "article.update": "edited the article's details",
  "claim.create": "added a claim",
  "claim.update": "edited a claim's kind or values",
  "claim.respan": "changed a claim's text span",
  "claim.split": "split a claim",
  "claim.merge": "merged two claims",
  "claim.dismiss": "dismissed a claim",
  "claim.restore": "restored a claim",
};

function detailOf(row: HistoryRow): string {
  const after = (row.after ?? {}) as Record<string, unknown>;
  const before = (row.before ?? {}) as Record<string, unknown>;
  const text =
    typeof after.text === "string"
      ? after.text
      : typeof before.text === "string"
        ? before.text
        : null;
  if (row.action === "claim.dismiss" && typeof after.dismissReason === "string") {
    return `${text ? `“${text.slice(0, 80)}”` : ""} (${after.dismissReason.replace(/_/g, " ")})`;
  }
  if (row.action === "article.update") {
    const changed = Object.keys(after).filter(
      (key) => key !== "version" && JSON.stringify(after[key]) !== JSON.stringify(before[key]),
    );
    return changed.length ? `changed ${changed.join(", ")}` : "";
  }
  if (row.action === "article.import" && typeof after.claims === "number") {
    return `${after.claims} claims found`;
  }
  return text ? `“${text.slice(0, 80)}${text.length > 80 ? "…" : ""}”` : "";
}

/** Every recorded change to the article and its claims, newest first. */
export function HistoryList({
  rows,
  articleId,
  claimIds,
}: {
  rows: HistoryRow[];
  articleId: string;
  /** Claims that still exist: only those get a link. */
  claimIds: Set<string>;
}) {
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">No changes recorded yet.</p>
      ) : (
        <ol className="space-y-1 text-sm" data-testid="history">
          {rows.map((row) => (
            <li key={row.id} className="border-b border-line py-1">
              <time dateTime={row.at.toISOString()} className="text-muted tabular-nums">
                {formatTime(row.at)}
              </time>{" "}
              <span className="font-medium">{row.actorName ?? "Someone"}</span>{" "}
              {ACTION_LABEL[row.action] ?? row.action.replace(/[._]/g, " ")}{" "}
              {row.claimId && claimIds.has(row.claimId) ? (
                <Link
                  href={`/articles/${articleId}?claim=${row.claimId}`}
                  className="text-muted underline"
                >
                  {/* A link needs a name even when the change records no text of the claim. */}
                  {detailOf(row) || "the claim"}
                </Link>
              ) : (
                <span className="text-muted">{detailOf(row)}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
