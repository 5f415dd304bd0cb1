/**
 * What a policy found over a replay: counts of inspections and findings, and the derived ratios.
 * Counts are numbers of declarations; ratios are in [0, 1] (null when the denominator is 0).
 */
import type { Pick } from './policies';

/** One inspected declaration as the metrics count it. */
export interface Inspected {
  /** 1 when inspection found fraud (KCS `Fraud` 1). */
  fraud: 0 | 1;
  /** 1 when the fraud threatens public safety (KCS `Critical Fraud` 2). */
  critical: 0 | 1;
  /** True when no inspected declaration of its importer was in the policy's history before its day. */
  unseen: boolean;
  reason: Pick['reason'];
}

/** Running counts of one policy. */
export interface PolicyCounts {
  inspections: number;
  fraudFound: number;
  criticalFound: number;
  /** Inspections of declarations whose importer was unseen in the policy's history before that day. */
  unseenInspections: number;
  /** Fraud found on such declarations. */
  unseenFraudFound: number;
  /** Inspections of the uniform control sample (policy `control` only) and the fraud they found. */
  controlInspections: number;
  controlFraudFound: number;
  /** Inspections of the exploration slots (policy `explore` only) and the fraud they found. */
  exploreInspections: number;
  exploreFraudFound: number;
}

/** The reported figures of one policy (the JSON line's `policies.<name>`). */
export interface PolicyMetrics extends PolicyCounts {
  /** fraudFound / inspections. */
  precision: number | null;
  /** fraudFound / all fraud in the replayed declarations. */
  recall: number | null;
  /** Fraud rate of the control sample: the unbiased estimate of the population's fraud rate (policy `control`). */
  controlFraudRate: number | null;
  /** Fraud rate of the exploration slots (policy `explore`). */
  exploreFraudRate: number | null;
}

export function emptyCounts(): PolicyCounts {
  return { inspections: 0, fraudFound: 0, criticalFound: 0, unseenInspections: 0, unseenFraudFound: 0, controlInspections: 0, controlFraudFound: 0, exploreInspections: 0, exploreFraudFound: 0 };
}

/** Adds one inspected declaration to `counts` (in place). */
export function count(counts: PolicyCounts, x: Inspected): void {
  counts.inspections += 1;
  counts.fraudFound += x.fraud;
  counts.criticalFound += x.critical;
  if (x.unseen) {
    counts.unseenInspections += 1;
    counts.unseenFraudFound += x.fraud;
  }
  if (x.reason === 'control') {
    counts.controlInspections += 1;
    counts.controlFraudFound += x.fraud;
  }
  if (x.reason === 'explore') {
    counts.exploreInspections += 1;
    counts.exploreFraudFound += x.fraud;
  }
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

/** The ratios of `counts`; `totalFraud` is the number of fraudulent declarations replayed. */
export function finish(counts: PolicyCounts, totalFraud: number): PolicyMetrics {
  return {
    ...counts,
    precision: ratio(counts.fraudFound, counts.inspections),
    recall: ratio(counts.fraudFound, totalFraud),
    controlFraudRate: ratio(counts.controlFraudFound, counts.controlInspections),
    exploreFraudRate: ratio(counts.exploreFraudFound, counts.exploreInspections),
  };
}

/** A plain-text table of the policies' metrics, one row per policy. */
export function formatTable(policies: Readonly<Record<string, PolicyMetrics>>): string {
  const head = ['policy', 'inspections', 'fraud found', 'precision', 'critical found', 'unseen-party fraud', 'recall', 'random slots: fraud/n'];
  const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
  const rows = Object.entries(policies).map(([name, m]) => [
    name,
    String(m.inspections),
    String(m.fraudFound),
    pct(m.precision),
    String(m.criticalFound),
    `${m.unseenFraudFound} / ${m.unseenInspections}`,
    pct(m.recall),
    m.controlInspections > 0 ? `${m.controlFraudFound}/${m.controlInspections} (control)` : m.exploreInspections > 0 ? `${m.exploreFraudFound}/${m.exploreInspections} (explore)` : '-',
  ]);
  return textTable(head, rows);
}

/** A plain-text (Markdown) table with padded columns. */
function textTable(head: readonly string[], rows: readonly string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A fraudulent declaration a policy's inspection found, and whether its importer was unseen by that policy then. */
export interface FoundFraud {
  id: string;
  unseen: boolean;
}

/** What a policy found that pure exploitation did not, and the reverse (numbers of fraudulent declarations). */
export interface AgainstExploitation {
  /** Fraud this policy found that exploitation did not find. */
  foundBeyond: number;
  /** Of those, by importers this policy had not seen before (unseen-party fraud exploitation missed). */
  foundBeyondUnseen: number;
  /** Fraud exploitation found that this policy did not. */
  missed: number;
}

/**
 * Compares the fraud a policy found with what exploitation found in the same replay: the fraud
 * each found that the other did not, by declaration id.
 */
export function againstExploitation(policy: readonly FoundFraud[], exploit: readonly FoundFraud[]): AgainstExploitation {
  const byExploit = new Set(exploit.map((f) => f.id));
  const byPolicy = new Set(policy.map((f) => f.id));
  const beyond = policy.filter((f) => !byExploit.has(f.id));
  return { foundBeyond: beyond.length, foundBeyondUnseen: beyond.filter((f) => f.unseen).length, missed: exploit.filter((f) => !byPolicy.has(f.id)).length };
}

/** A plain-text table of each policy against exploitation: fraud found beyond it (unseen-party among them), fraud missed, net. */
export function formatAgainstExploitation(policies: Readonly<Record<string, AgainstExploitation>>): string {
  const head = ['policy', 'fraud exploitation missed', 'of which unseen-party', 'fraud missed that exploitation found', 'net'];
  const rows = Object.entries(policies).map(([name, a]) => [name, String(a.foundBeyond), String(a.foundBeyondUnseen), String(a.missed), String(a.foundBeyond - a.missed)]);
  return textTable(head, rows);
}
