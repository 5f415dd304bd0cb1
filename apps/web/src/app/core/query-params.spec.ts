import { queryParams } from './query-params';

describe('queryParams', () => {
  it('writes every value as a string and leaves out empty, null and undefined ones', () => {
    expect(queryParams({ officeId: '40', status: '', lane: null, assigneeId: undefined, limit: 50, offset: 0 })).toEqual({
      officeId: '40', limit: '50', offset: '0',
    });
  });

  it('keeps false and the order of the keys', () => {
    expect(Object.entries(queryParams({ to: '2026-03-31', from: '2026-03-01', flag: false }))).toEqual([
      ['to', '2026-03-31'], ['from', '2026-03-01'], ['flag', 'false'],
    ]);
  });

  it('gives no parameters for an empty filter', () => {
    expect(queryParams({ from: '', to: '' })).toEqual({});
  });
});
