import { RATING_SCALE, type Rating } from "@/db/schema/constants";

/** Linked appearances approved with different ratings: said on every page that shows them. */
export function InconsistencyAlert({
  ratings,
}: {
  ratings: readonly { rating: Rating; count?: number }[];
}) {
  const words = ratings.map(
    (r) => `${RATING_SCALE[r.rating].label}${r.count ? ` (${r.count})` : ""}`,
  );
  return (
    <p
      role="note"
      data-testid="inconsistent-ratings"
      className="rounded-md border-2 border-danger bg-paper p-3 text-sm"
    >
      <span className="font-semibold">Inconsistent ratings:</span> appearances of this claim were
      approved as {words.join(", ")}. Check which verdict holds and reopen the others.
    </p>
  );
}
