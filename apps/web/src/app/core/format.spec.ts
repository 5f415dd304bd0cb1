import { ageLabel, localTimestamp, pctLabel, showValue } from './format';

describe('ageLabel', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('counts whole hours up to 47 h', () => {
    expect(ageLabel('2026-03-10T12:00:00Z', now)).toBe('0 h');
    expect(ageLabel('2026-03-10T11:00:01Z', now)).toBe('0 h');
    expect(ageLabel('2026-03-10T07:00:00Z', now)).toBe('5 h');
    expect(ageLabel('2026-03-08T12:00:01Z', now)).toBe('47 h');
  });

  it('switches to whole days from 48 h', () => {
    expect(ageLabel('2026-03-08T12:00:00Z', now)).toBe('2 d');
    expect(ageLabel('2026-03-07T12:00:01Z', now)).toBe('2 d');
    expect(ageLabel('2026-02-28T12:00:00Z', now)).toBe('10 d');
  });

  it('reads time zones and shows a future timestamp as 0 h', () => {
    expect(ageLabel('2026-03-10T18:00:00+09:00', now)).toBe('3 h');
    expect(ageLabel('2026-03-10T13:00:00Z', now)).toBe('0 h');
  });
});

describe('showValue', () => {
  it('shows strings as they are and everything else as compact JSON', () => {
    expect(showValue('CN')).toBe('CN');
    expect(showValue('')).toBe('');
    expect(showValue(27)).toBe('27');
    expect(showValue(null)).toBe('null');
    expect(showValue(false)).toBe('false');
    expect(showValue(['9302', '9303'])).toBe('["9302","9303"]');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });

  it('shows a value that was never read as a dash', () => {
    expect(showValue(undefined)).toBe('—');
  });
});

describe('pctLabel', () => {
  it('adds the percent sign, and shows a dash without a rate', () => {
    expect(pctLabel(12.5)).toBe('12.5 %');
    expect(pctLabel(0)).toBe('0 %');
    expect(pctLabel(100)).toBe('100 %');
    expect(pctLabel(null)).toBe('—');
    expect(pctLabel(undefined)).toBe('—');
  });
});

describe('localTimestamp', () => {
  it("writes YYYY-MM-DD HH:mm:ss in the machine's time zone, zero-padded", () => {
    // Built from local fields, so the expectation holds in any time zone.
    expect(localTimestamp(new Date(2026, 0, 5, 9, 3, 7).toISOString())).toBe('2026-01-05 09:03:07');
    expect(localTimestamp(new Date(2026, 11, 31, 23, 59, 59, 999).toISOString())).toBe('2026-12-31 23:59:59');
  });

  it('leaves text that is not a timestamp as it is', () => {
    expect(localTimestamp('yesterday')).toBe('yesterday');
  });
});
