const DAY_MS = 86_400_000;

/**
 * ISO 8601 week of a calendar date, as `YYYY-Www` (e.g. `2021-01-01` -> `2020-W53`,
 * `2021-01-04` -> `2021-W01`). Weeks start on Monday; week 1 is the week holding the year's
 * first Thursday, so the first days of January can belong to the previous year's last week.
 * @param date `YYYY-MM-DD` (UTC calendar date; a longer ISO timestamp is cut to its first 10 characters).
 * @throws RangeError for anything else.
 */
export function isoWeek(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).getUTCDate() !== +m[3]) throw new RangeError(`isoWeek: not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const mondayBased = (new Date(t).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  const thursday = new Date(t + (3 - mondayBased) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The Monday (first day) of an ISO 8601 week, `YYYY-MM-DD` (e.g. `2021-W01` -> `2021-01-04`,
 * `2020-W53` -> `2020-12-28`); the inverse of {@link isoWeek} on Mondays.
 * @param week `YYYY-Www`, week 01..53.
 * @throws RangeError for anything else, or a week 53 the year does not have.
 */
export function isoWeekStart(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m || +m[2] < 1 || +m[2] > 53) throw new RangeError(`isoWeekStart: not a YYYY-Www week: ${JSON.stringify(week)}`);
  const jan4 = Date.UTC(+m[1], 0, 4); // always in week 1
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const monday = new Date(week1Monday + (+m[2] - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  if (isoWeek(monday) !== week) throw new RangeError(`isoWeekStart: ${m[1]} has no week ${m[2]}`);
  return monday;
}

/** `date` (`YYYY-MM-DD`) plus `days` (may be negative), `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
