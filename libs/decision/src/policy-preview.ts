import { LANES, type Lane } from '@customs/domain';
import type { DecisionRecordBody } from './decision-record';
import { dataQualityLane } from './data-quality-rule';
import { drawsFor } from './draws';
import { decideLane, SELECTION_BASES, type LaneDecision, type SelectionBasis } from './lane-decision';
import type { PolicyThresholds } from './office-policy';

/** A policy to decide recorded declarations under: its cut-offs (with exploration band and critical cut-off) and control share (0..1). */
export interface PolicyUnderTest {
  thresholds: PolicyThresholds;
  controlShare: number;
}

/** What a policy does to a set of declarations: how many per lane and per deciding basis (null basis = GREEN). */
export interface PolicyOutcome {
  lanes: Record<Lane, number>;
  decidedBy: Record<SelectionBasis | 'NONE', number>;
}

/** Two policies side by side over the same recorded declarations. */
export interface PolicyPreview {
  /** Declarations re-decided. */
  decisions: number;
  current: PolicyOutcome;
  proposed: PolicyOutcome;
  /** Declarations whose lane differs between the two policies. */
  changed: number;
  /** Lane moves from the current to the proposed policy, `FROM->TO`: count (only moves that happen). */
  moves: Record<string, number>;
}

/**
 * A recorded decision decided again under another policy: the same fired criteria, the same
 * recorded scores, the same draws (`drawsFor` with the recorded control seed) and the recorded
 * data-quality findings under the recorded data-quality minimum lane, through `decideLane`.
 * The scores are only comparable with cut-offs derived for the model version that produced them.
 */
export function redecide(record: RedecidedRecord, policy: PolicyUnderTest): LaneDecision {
  return decideLane({
    firedCriteria: record.firedCriteria,
    scores: { score: record.model.score, criticalScore: record.model.criticalScore ?? null },
    policy,
    draws: drawsFor(record.declarationId, record.control.seed),
    dataQualityLane: dataQualityLane(record.dataQuality, record.dataQualityMinLane),
  });
}

/** The parts of a decision record {@link redecide} reads (the data-quality ones absent on records without findings). */
export type RedecidedRecord = Pick<DecisionRecordBody, 'declarationId' | 'firedCriteria' | 'model' | 'control'> &
  Partial<Pick<DecisionRecordBody, 'dataQuality' | 'dataQualityMinLane'>>;

const emptyOutcome = (): PolicyOutcome => ({
  lanes: Object.fromEntries(LANES.map((l) => [l, 0])) as Record<Lane, number>,
  decidedBy: Object.fromEntries([...SELECTION_BASES, 'NONE'].map((b) => [b, 0])) as PolicyOutcome['decidedBy'],
});

/**
 * The policy preview: every recorded decision re-decided ({@link redecide}) under the current and
 * the proposed policy, counted by lane and deciding basis, with the lane moves between them.
 * Pass only records scored by the model version both policies' cut-offs were derived for.
 */
export function previewPolicy(records: ReadonlyArray<RedecidedRecord>, current: PolicyUnderTest, proposed: PolicyUnderTest): PolicyPreview {
  const preview: PolicyPreview = { decisions: records.length, current: emptyOutcome(), proposed: emptyOutcome(), changed: 0, moves: {} };
  for (const r of records) {
    const a = redecide(r, current);
    const b = redecide(r, proposed);
    preview.current.lanes[a.lane] += 1;
    preview.current.decidedBy[a.selectionBasis.decidedBy ?? 'NONE'] += 1;
    preview.proposed.lanes[b.lane] += 1;
    preview.proposed.decidedBy[b.selectionBasis.decidedBy ?? 'NONE'] += 1;
    if (a.lane !== b.lane) {
      preview.changed += 1;
      const move = `${a.lane}->${b.lane}`;
      preview.moves[move] = (preview.moves[move] ?? 0) + 1;
    }
  }
  return preview;
}
