import Link from "next/link";
import { RATING_SCALE } from "@/db/schema/constants";
import type { InconsistentTrackedClaim } from "@/lib/services/tracking/consistency";

/**
 * "Inconsistent ratings": tracked claims whose appearances were approved with different ratings,
 * each linking to its tracked claim page, where the appearances and verdicts sit side by side.
 */
export function InconsistentRatings({ rows }: { rows: InconsistentTrackedClaim[] }) {
  return (
    <section
      aria-labelledby="inconsistent-heading"
      className="space-y-3 rounded-lg border border-line bg-paper p-4"
    >
      <h2 id="inconsistent-heading" className="text-lg font-semibold">
        Inconsistent ratings
      </h2>
      {rows.length === 0 ? (
        <p className="text-muted">
          No tracked claim has appearances approved with different ratings.
        </p>
      ) : (
        <>
          <p className="text-sm text-muted">
            Claims seen in several articles whose approved verdicts disagree, latest approval first.
          </p>
          <ul className="space-y-2" data-testid="inconsistent-list">
            {rows.map((row) => (
              <li key={row.id} className="text-sm">
                <Link href={`/tracked/${row.id}`} className="text-accent underline">
                  {row.canonicalText}
                </Link>{" "}
                <span className="text-muted">
                  — {row.ratings.map((r) => RATING_SCALE[r].label).join(" vs ")} across{" "}
                  {row.appearances} approved appearances
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
