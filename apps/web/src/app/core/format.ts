/** Age of an ISO timestamp in whole hours or days, for queues ("5 h", "2 d"). */
export function ageLabel(iso: string, now: number = Date.now()): string {
  const hours = Math.max(0, Math.floor((now - Date.parse(iso)) / 3_600_000));
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

/** A fact value as a reader expects it: strings plain, everything else as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
