/** Cutting the article text into pieces at claim boundaries (pure, so it is unit-tested). */

export interface SpanLike {
  id: string;
  start: number;
  end: number;
}

export interface Piece<T extends SpanLike> {
  start: number;
  end: number;
  /** The narrowest claim covering this piece (the one a click selects), if any. */
  claim: T | null;
  /** This piece ends its claim's span: the kind symbol goes here. */
  closes: boolean;
}

/** Cuts the body at every claim boundary; overlapping claims show the narrowest on top. */
export function cut<T extends SpanLike>(body: string, claims: T[]): Piece<T>[] {
  const bounds = new Set<number>([0, body.length]);
  for (const c of claims) {
    bounds.add(Math.max(0, Math.min(body.length, c.start)));
    bounds.add(Math.max(0, Math.min(body.length, c.end)));
  }
  const points = [...bounds].sort((a, b) => a - b);
  const byStart = [...claims].sort((a, b) => a.start - b.start);
  const pieces: Piece<T>[] = [];
  let open: T[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    while (next < byStart.length && (byStart[next] as T).start <= start) {
      open.push(byStart[next] as T);
      next++;
    }
    open = open.filter((c) => c.end > start);
    const covering = open.filter((c) => c.start <= start && c.end >= end);
    const claim =
      covering.reduce<T | null>(
        (best, c) => (!best || c.end - c.start < best.end - best.start ? c : best),
        null,
      ) ?? null;
    pieces.push({ start, end, claim, closes: claim !== null && claim.end === end });
  }
  return pieces;
}
