import type { WeekDrift } from '@customs/risk-model';

const r4 = (x: number) => Math.round(x * 10000) / 10000;
const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}`);

/**
 * The weekly drift as a Markdown table: week, dates, n, score PSI, the worst PSI among the
 * declaration's own features and among the history features (names in `historyFeatures`), hit rate
 * per model lane (%, with the change in points since the previous week), the RED / YELLOW
 * cut-offs the week suggests against the recorded ones, and the alerts (counts, then the three largest PSIs; `*` = low volume, no alerts).
 */
export function driftTable(weeks: readonly WeekDrift[], historyFeatures: ReadonlySet<string> = new Set()): string {
  const lines = [
    '| week | dates | n | score PSI | worst declaration feature (PSI) | worst history feature (PSI) | hit % RED / YELLOW / GREEN (Δ pts) | RED cut-off week / recorded | YELLOW cut-off week / recorded | alerts |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const w of weeks) {
    const lane = (id: string) => {
      const h = w.hitRates.lanes.find((l) => l.id === id);
      if (!h) return '-';
      return `${pct(h.hitRate)}${h.change === null ? '' : ` (${h.change >= 0 ? '+' : ''}${(100 * h.change).toFixed(1)})`}`;
    };
    const cut = (c: { suggested: number; recorded: number } | undefined) => (c ? `${c.suggested.toFixed(3)} / ${c.recorded.toFixed(3)}` : '-');
    const worst = (history: boolean) => {
      const [name, psi] = Object.entries(w.featurePsi)
        .filter(([n]) => historyFeatures.has(n) === history)
        .reduce<[string, number] | [null, number]>((a, [n, v]) => (v > a[1] ? [n, v] : a), [null, -1]);
      return name === null ? '-' : `${name} (${psi.toFixed(3)})`;
    };
    const count = (level: string) => w.alerts.filter((a) => a.level === level).length;
    const alerts = w.lowVolume
      ? '* low volume'
      : w.alerts.length === 0
        ? 'none'
        : `${count('ALERT')} ALERT, ${count('WARN')} WARN: ${[...w.alerts]
            .sort((a, b) => b.value - a.value)
            .slice(0, 3)
            .map((a) => `${a.what.replace(/^feature:/, '')} ${a.value.toFixed(2)}`)
            .join(', ')}${w.alerts.length > 3 ? ', ..' : ''}`;
    lines.push(
      `| ${w.week} | ${w.from}..${w.to} | ${w.n} | ${w.scorePsi.toFixed(3)} | ${worst(false)} | ${worst(true)} | ${lane('RED')} / ${lane('YELLOW')} / ${lane('GREEN')} | ${cut(w.recalibration?.red)} | ${cut(w.recalibration?.yellow)} | ${alerts} |`,
    );
  }
  return lines.join('\n');
}

/** The weeks with every number rounded to 4 decimals, for the one JSON line. */
export function roundWeeks(weeks: readonly WeekDrift[]): unknown[] {
  const round = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) ? v : r4(v);
    if (Array.isArray(v)) return v.map(round);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)]));
    return v;
  };
  return weeks.map(round) as unknown[];
}
