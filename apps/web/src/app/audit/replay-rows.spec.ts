import type { DecisionOutline } from '../core/api.types';
import { decisionCaseId, replayRows } from './replay-rows';

const outline = (over: Partial<DecisionOutline> = {}): DecisionOutline => ({
  lane: 'RED', firedCriteria: ['LOC-40-003@2', 'CEN-DRG-001@1'], score: 0.912345678, controlSample: false, ...over,
});

describe('replayRows', () => {
  it('shows each field recorded against replayed, with nothing changed when they agree', () => {
    expect(replayRows({ recorded: outline(), replayed: outline({ firedCriteria: ['CEN-DRG-001@1', 'LOC-40-003@2'], score: 0.9123456 }) })).toEqual([
      { key: 'lane', recorded: 'RED', replayed: 'RED', differs: false },
      { key: 'firedCriteria', recorded: 'CEN-DRG-001@1, LOC-40-003@2', replayed: 'CEN-DRG-001@1, LOC-40-003@2', differs: false },
      { key: 'score', recorded: '0.912346', replayed: '0.912346', differs: false },
      { key: 'controlSample', recorded: 'false', replayed: 'false', differs: false },
    ]);
  });

  it('marks exactly the fields that changed', () => {
    const rows = replayRows({ recorded: outline(), replayed: outline({ lane: 'YELLOW', firedCriteria: [], score: 0.9124, controlSample: false }) });
    expect(rows.map((r) => [r.key, r.replayed, r.differs])).toEqual([
      ['lane', 'YELLOW', true],
      ['firedCriteria', '—', true],
      ['score', '0.912400', true],
      ['controlSample', 'false', false],
    ]);
  });

  it('is empty before a replay', () => {
    expect(replayRows(null)).toEqual([]);
  });
});

describe('decisionCaseId', () => {
  it("is the record's case id, null for a GREEN declaration", () => {
    expect(decisionCaseId({ caseId: 'inspection-case-D1' })).toBe('inspection-case-D1');
    expect(decisionCaseId({ caseId: null })).toBeNull();
  });
});
