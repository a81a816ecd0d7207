/**
 * One unambiguous time for messages and pages, "5 Jan 2026, 14:03 UTC": the same on the server
 * and in any browser, whatever its locale or time zone. No imports, so client components use it.
 */
// Made once: toLocaleDateString builds a formatter on every call, tens of microseconds each.
const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function formatTime(at: Date | string): string {
  const time = typeof at === "string" ? new Date(at) : at;
  return `${DAY.format(time)}, ${time.toISOString().slice(11, 16)} UTC`;
}

/** A day, "12 Jan 2022": a publication date ("2022-01-12") or the day of a time, in UTC. */
export function formatDay(at: Date | string): string {
  return DAY.format(typeof at === "string" ? new Date(at) : at);
}
