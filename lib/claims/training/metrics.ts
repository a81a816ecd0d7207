/**
 * Metrics of the check-worthiness model: precision / recall / F1 of the `Yes` class, the
 * F1-maximising threshold and average precision, as the trainer, the data card and claims:eval
 * report them.
 */

export interface BinaryMetrics {
  f1: number;
  precision: number;
  recall: number;
  n: number;
}

/** Precision / recall / F1 of the positive class. */
export function binaryMetrics(
  predicted: ArrayLike<boolean>,
  gold: ArrayLike<boolean>,
): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] && gold[i]) tp++;
    else if (predicted[i]) fp++;
    else if (gold[i]) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, n: gold.length };
}

/** Rounded to four decimals, as reports and the committed model print figures. */
export const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** binaryMetrics of `scores >= threshold`, rounded. */
export function metricsAt(
  scores: ArrayLike<number>,
  gold: ArrayLike<boolean>,
  threshold: number,
): BinaryMetrics {
  const pred = Array.from(scores, (s) => s >= threshold);
  const m = binaryMetrics(pred, gold);
  return { f1: round4(m.f1), precision: round4(m.precision), recall: round4(m.recall), n: m.n };
}

/** Threshold maximising F1 over the given scores (midpoint between neighbouring scores). */
export function bestThreshold(scores: ArrayLike<number>, gold: ArrayLike<boolean>) {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
  let positives = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i]) positives++;
  let tp = 0;
  let best = { f1: 0, threshold: 0.5 };
  for (let k = 0; k < order.length; k++) {
    if (gold[order[k] as number]) tp++;
    const here = scores[order[k] as number] as number;
    const next = k + 1 < order.length ? (scores[order[k + 1] as number] as number) : 0;
    if (next === here) continue;
    const f1 = (2 * tp) / (k + 1 + positives);
    if (f1 > best.f1) best = { f1, threshold: (here + next) / 2 };
  }
  return best;
}

/** Average precision (area under the precision-recall curve, step-wise). */
export function averagePrecision(scores: ArrayLike<number>, gold: ArrayLike<boolean>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number),
  );
  let positives = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i]) positives++;
  let tp = 0;
  let ap = 0;
  order.forEach((i, k) => {
    if (gold[i]) {
      tp++;
      ap += tp / (k + 1);
    }
  });
  return positives === 0 ? 0 : ap / positives;
}
