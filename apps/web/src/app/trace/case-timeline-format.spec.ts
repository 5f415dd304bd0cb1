import type { CaseEvent } from '../core/api.types';
import { timelineEntries } from './case-timeline-format';

const at = (y: number, mo: number, d: number, h: number, mi: number, s: number) => new Date(y, mo - 1, d, h, mi, s).toISOString();

describe('timelineEntries', () => {
  it('shows each event with local time, type, actor and its payload as indented JSON', () => {
    const events: CaseEvent[] = [
      { seq: 1, type: 'OPENED', actor: 'system', payload: { lane: 'RED', riskScore: 0.91 }, occurredAt: at(2026, 3, 10, 8, 5, 0) },
      { seq: 2, type: 'ASSIGNED', actor: 'officer-40-01', payload: { officerId: 'officer-40-01' }, occurredAt: at(2026, 3, 10, 9, 30, 15) },
    ];
    expect(timelineEntries(events)).toEqual([
      { seq: 1, when: '2026-03-10 08:05:00', type: 'OPENED', actor: 'system', details: '{\n  "lane": "RED",\n  "riskScore": 0.91\n}' },
      { seq: 2, when: '2026-03-10 09:30:15', type: 'ASSIGNED', actor: 'officer-40-01', details: '{\n  "officerId": "officer-40-01"\n}' },
    ]);
  });

  it('has no details fold for an event with an empty payload', () => {
    const base = { seq: 3, type: 'CLOSED', actor: 'supervisor-40', occurredAt: at(2026, 3, 11, 0, 0, 0) };
    expect(timelineEntries([{ ...base, payload: {} }])[0].details).toBeNull();
    expect(timelineEntries([{ ...base, payload: { note: '' } }])[0].details).toBe('{\n  "note": ""\n}');
  });

  it('keeps the order given and shows nothing for no events', () => {
    const e = (seq: number): CaseEvent => ({ seq, type: 'X', actor: 'system', payload: {}, occurredAt: at(2026, 1, 1, 0, 0, 0) });
    expect(timelineEntries([e(3), e(1), e(2)]).map((x) => x.seq)).toEqual([3, 1, 2]);
    expect(timelineEntries([])).toEqual([]);
  });
});
