/**
 * Age of an ISO timestamp in whole hours below 48 h, else whole days, for queues ("5 h", "2 d").
 * Rounds down; a timestamp in the future (clock skew) shows "0 h".
 * @param iso when the thing started, an ISO 8601 timestamp.
 * @param now the current time, epoch milliseconds (defaults to the clock).
 */
export function ageLabel(iso: string, now: number = Date.now()): string {
  const hours = Math.max(0, Math.floor((now - Date.parse(iso)) / 3_600_000));
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

/**
 * A fact value as a reader expects it: strings plain, `undefined` (not evaluated) as "—",
 * everything else (numbers, null, arrays, objects) as compact JSON.
 */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A percentage the API computed (0..100, already rounded) as "12.5 %", or "—" when it has none (nothing inspected). */
export function pctLabel(pct: number | null | undefined): string {
  return pct === null || pct === undefined ? '—' : `${pct} %`;
}

/**
 * An ISO timestamp as `YYYY-MM-DD HH:mm:ss` in the browser's time zone (what Angular's
 * `date: 'yyyy-MM-dd HH:mm:ss'` shows); the text unchanged when it is not a timestamp.
 */
export function localTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
