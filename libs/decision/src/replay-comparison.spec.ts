import { sameDecision, type DecisionOutline } from './replay-comparison';

const recorded: DecisionOutline = { lane: 'RED', firedCriteria: ['CEN-WPN-001@2', 'LOC-40-001@1'], score: 0.8123, controlSample: false };

describe('sameDecision', () => {
  it('is true for the same lane, control flag, criteria in any order and score within the tolerance', () => {
    expect(sameDecision(recorded, { ...recorded, firedCriteria: ['LOC-40-001@1', 'CEN-WPN-001@2'], score: 0.8123 + 1e-12 })).toBe(true);
  });
  it.each<[string, Partial<DecisionOutline>]>([
    ['lane', { lane: 'YELLOW' }],
    ['control flag', { controlSample: true }],
    ['criterion version', { firedCriteria: ['CEN-WPN-001@3', 'LOC-40-001@1'] }],
    ['missing criterion', { firedCriteria: ['CEN-WPN-001@2'] }],
    ['score', { score: 0.8124 }],
  ])('is false when the %s differs', (_, change) => {
    expect(sameDecision(recorded, { ...recorded, ...change })).toBe(false);
  });
});
