/**
 * Time-to-verdict buckets, in hours: bucket i holds durations above BUCKET_BOUNDS[i-1] and at most
 * BUCKET_BOUNDS[i]; the last bucket has no upper bound. The SQL function dash_bucket (migration
 * 0002) counts the same way; a test keeps the two in step.
 */
export const BUCKET_BOUNDS = [
  1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1440, 2160, 4320,
] as const;

export function bucketOf(hours: number): number {
  return BUCKET_BOUNDS.filter((bound) => hours > bound).length;
}

/** Upper bound of a bucket in hours; null for the last, open-ended bucket. */
export function bucketUpper(bucket: number): number | null {
  return BUCKET_BOUNDS[bucket] ?? null;
}

export interface BucketPercentile {
  bucket: number;
  /** The duration is at most this many hours (null: more than the largest bound). */
  atMostHours: number | null;
  /** And more than this many hours. */
  aboveHours: number;
}

/**
 * Nearest-rank percentile over a histogram: the bucket holding the ceil(p·n)-th smallest duration.
 * Exact to the bucket, which is what a weekly summary can promise without keeping every claim.
 */
export function histogramPercentile(
  counts: ReadonlyMap<number, number>,
  p: number,
): BucketPercentile | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bucket of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(bucket) ?? 0;
    if (seen >= rank) {
      return {
        bucket,
        atMostHours: bucketUpper(bucket),
        aboveHours: bucket === 0 ? 0 : (BUCKET_BOUNDS[bucket - 1] ?? 0),
      };
    }
  }
  return null;
}

/** "≤ 36 h", "≤ 7 d", "> 180 d": how long, for people. */
export function formatBucket(p: BucketPercentile | null): string {
  if (!p) return "—";
  if (p.atMostHours === null) return `> ${p.aboveHours / 24} d`;
  return p.atMostHours < 48 ? `≤ ${p.atMostHours} h` : `≤ ${p.atMostHours / 24} d`;
}
