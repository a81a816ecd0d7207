const DAY = 86_400_000;

export interface Period {
  /** Monday of the first week, YYYY-MM-DD. */
  from: string;
  /** Sunday of the last week, YYYY-MM-DD. */
  to: string;
  /** Monday after the last week: the exclusive end. */
  end: string;
  /** Every Monday from `from` to the last week, for charts that show empty weeks too. */
  weeks: string[];
}

export const DEFAULT_WEEKS = 12;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday (UTC) of the week holding the date: weeks run Monday to Sunday. */
export function mondayOf(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return iso(ms - weekday * DAY);
}

export function addDays(date: string, days: number): string {
  return iso(Date.parse(`${date}T00:00:00Z`) + days * DAY);
}

/**
 * The dashboard counts in whole weeks, so the chosen dates widen to the Monday before `from` and
 * the Sunday after `to`; with no dates it shows the last twelve weeks including this one.
 */
export function resolvePeriod(
  input: { from?: string; to?: string },
  now: Date = new Date(),
): Period {
  const today = iso(now.getTime());
  let toMonday = mondayOf(input.to ?? today);
  let fromMonday = input.from ? mondayOf(input.from) : addDays(toMonday, -7 * (DEFAULT_WEEKS - 1));
  if (fromMonday > toMonday) [fromMonday, toMonday] = [toMonday, fromMonday];
  const weeks: string[] = [];
  // Bounded so a mistyped year cannot ask for ten thousand bars.
  for (let week = fromMonday; week <= toMonday && weeks.length < 530; week = addDays(week, 7)) {
    weeks.push(week);
  }
  const last = weeks[weeks.length - 1] ?? fromMonday;
  return { from: fromMonday, to: addDays(last, 6), end: addDays(last, 7), weeks };
}
