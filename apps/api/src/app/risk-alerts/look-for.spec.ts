import { lookFor } from './look-for';
import { LOOK_FOR_MAX } from './risk-alerts.responses';

describe('lookFor', () => {
  it('summarises subjects, goods and routes of every report, in order, without repeats', () => {
    const summary = lookFor([
      {
        subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: 'IMP123' }, { kind: 'COMPANY', name: 'Acme Trading' }],
        goods: [{ hsCode: '930200', description: 'pistol parts' }],
        routes: [{ originCountry: 'CN', departureCountry: 'HK' }],
      },
      {
        subjects: [{ kind: 'COMPANY', name: 'acme  trading' }, { kind: 'PERSON', name: 'Hong Gildong' }],
        goods: [{ hsCode: '930200', description: 'Pistol parts' }, { description: 'hand tools' }],
        routes: [{ originCountry: 'CN', departureCountry: 'HK' }, { departureCountry: 'JP' }],
      },
    ]);
    expect(summary).toEqual({
      subjects: [
        { kind: 'IDENTIFIER', label: 'importerId IMP123', idType: 'importerId', value: 'IMP123' },
        { kind: 'COMPANY', label: 'Acme Trading', idType: null, value: null },
        { kind: 'PERSON', label: 'Hong Gildong', idType: null, value: null },
      ],
      goods: [{ hsCode: '930200', description: 'pistol parts' }, { hsCode: null, description: 'hand tools' }],
      routes: [{ originCountry: 'CN', departureCountry: 'HK' }, { originCountry: null, departureCountry: 'JP' }],
    });
  });

  it('skips empty entries and unknown subject kinds and tolerates missing lists', () => {
    const summary = lookFor([
      { subjects: [{ kind: 'VESSEL', name: 'x' }, { kind: 'PERSON', name: '  ' }, { kind: 'IDENTIFIER', idType: 'importerId' }], goods: [{ hsCode: null, description: '' }], routes: [{}] },
      {},
    ]);
    expect(summary).toEqual({ subjects: [], goods: [], routes: [] });
  });

  it(`keeps at most ${LOOK_FOR_MAX} of each`, () => {
    const goods = Array.from({ length: LOOK_FOR_MAX + 5 }, (_, i) => ({ description: `item ${i}` }));
    expect(lookFor([{ goods }]).goods).toHaveLength(LOOK_FOR_MAX);
    expect(lookFor([{ goods }]).goods[LOOK_FOR_MAX - 1]).toEqual({ hsCode: null, description: `item ${LOOK_FOR_MAX - 1}` });
  });
});
