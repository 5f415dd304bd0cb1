import { laneRank, LANES, type DataQualityFinding, type Lane } from '@customs/domain';

/**
 * The built-in data-quality rule (issue 14): a declaration carrying a code that is not in the
 * reference lists (a `DataQualityFinding`) is screened anyway and sent at least to `minLane`
 * (default YELLOW, document review, so a person looks at the code), unless its office has an
 * override. GREEN turns the rule off (the finding is still recorded).
 * Configured by `DATA_QUALITY_MIN_LANE` and `DATA_QUALITY_OFFICE_MIN_LANES` (see `@customs/config`).
 */
export interface DataQualityRule {
  /** The lane a declaration with a finding gets at least, for offices without an override. */
  minLane: Lane;
  /** Per-office overrides: office code -> minimum lane. */
  officeMinLanes: Readonly<Record<string, Lane>>;
}

/** The rule as shipped: at least YELLOW, no office override. */
export const DEFAULT_DATA_QUALITY_RULE: DataQualityRule = { minLane: 'YELLOW', officeMinLanes: {} };

/** The minimum lane of the rule at `officeId` (its override, else the rule's `minLane`). */
export function dataQualityMinLane(rule: DataQualityRule, officeId: string): Lane {
  return Object.prototype.hasOwnProperty.call(rule.officeMinLanes, officeId) ? rule.officeMinLanes[officeId] : rule.minLane;
}

/** The lane the data-quality rule asks for: `minLane` when there is any finding, else GREEN. */
export function dataQualityLane(findings: readonly DataQualityFinding[] | undefined, minLane: Lane | undefined): Lane {
  return findings !== undefined && findings.length > 0 && minLane !== undefined ? minLane : 'GREEN';
}

/**
 * Parses the per-office overrides `"<office>:<lane>,..."` (e.g. `"101:RED,40:GREEN"`; empty: none).
 * @throws Error naming the bad entry (not `office:lane`, a lane not GREEN/YELLOW/RED, an office twice).
 */
export function parseOfficeMinLanes(text: string): Record<string, Lane> {
  const out: Record<string, Lane> = {};
  for (const entry of text.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const m = /^([0-9A-Za-z]{1,20}):(GREEN|YELLOW|RED)$/.exec(entry);
    if (!m) throw new Error(`DATA_QUALITY_OFFICE_MIN_LANES: "${entry}" is not <office>:<GREEN|YELLOW|RED>`);
    if (m[1] in out) throw new Error(`DATA_QUALITY_OFFICE_MIN_LANES: office ${m[1]} is given twice`);
    out[m[1]] = m[2] as Lane;
  }
  return out;
}

/** Whether `lane` is one of the lanes (for configuration read from text). */
export function isLane(lane: string): lane is Lane {
  return (LANES as readonly string[]).includes(lane) && laneRank(lane as Lane) >= 0;
}
