import { describe, expect, it } from "vitest";
import {
  BUCKET_BOUNDS,
  bucketOf,
  formatBucket,
  histogramPercentile,
} from "@/lib/services/dashboard/percentiles";
import { mondayOf, resolvePeriod } from "@/lib/services/dashboard/period";

describe("dashboard periods", () => {
  it("finds the Monday of any day's week", () => {
    expect(mondayOf("2026-01-05")).toBe("2026-01-05");
    expect(mondayOf("2026-01-11")).toBe("2026-01-05");
    expect(mondayOf("2026-01-01")).toBe("2025-12-29");
  });

  it("widens a range to whole weeks and lists them", () => {
    const p = resolvePeriod({ from: "2026-01-07", to: "2026-01-20" });
    expect(p).toEqual({
      from: "2026-01-05",
      to: "2026-01-25",
      end: "2026-01-26",
      weeks: ["2026-01-05", "2026-01-12", "2026-01-19"],
    });
  });

  it("defaults to the last twelve weeks including this one, and swaps reversed dates", () => {
    const p = resolvePeriod({}, new Date("2026-11-29T12:00:00Z"));
    expect(p.weeks).toHaveLength(12);
    expect(p.to).toBe("2026-11-29");
    expect(resolvePeriod({ from: "2026-02-01", to: "2026-01-01" }).from).toBe("2025-12-29");
  });
});

describe("time-to-verdict buckets", () => {
  it("puts a duration in the bucket whose upper bound it does not exceed", () => {
    expect(bucketOf(0.5)).toBe(0);
    expect(bucketOf(1)).toBe(0);
    expect(bucketOf(1.01)).toBe(1);
    expect(bucketOf(24)).toBe(5);
    expect(bucketOf(5000)).toBe(BUCKET_BOUNDS.length);
  });

  it("takes nearest-rank percentiles over a histogram", () => {
    const counts = new Map([
      [5, 2],
      [7, 1],
      [14, 2],
    ]);
    expect(formatBucket(histogramPercentile(counts, 0.5))).toBe("≤ 2 d");
    expect(formatBucket(histogramPercentile(counts, 0.9))).toBe("≤ 21 d");
    expect(formatBucket(histogramPercentile(new Map([[19, 1]]), 0.5))).toBe("> 180 d");
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
  });
});
