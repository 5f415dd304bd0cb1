import { passengerIdOf, recordHash } from './passenger-screening.service';
import { readsMasked } from './passenger-records.service';

describe('passenger ids and masking', () => {
  it('makes an opaque, stable passenger id that does not contain the document number', () => {
    const id = passengerIdOf('KE0652-2026-12-01-KRM12345678');
    expect(id).toMatch(/^PAX-[0-9A-F]{16}$/);
    expect(id).toBe(passengerIdOf('KE0652-2026-12-01-KRM12345678'));
    expect(id).not.toBe(passengerIdOf('KE0652-2026-12-02-KRM12345678'));
    expect(id).not.toContain('12345678');
  });

  it('hashes records canonically (key order does not matter)', () => {
    expect(recordHash({ bags: 1, bookingReference: 'ABC123' } as never)).toBe(recordHash({ bookingReference: 'ABC123', bags: 1 } as never));
  });

  it('masks for every role but the passenger desk', () => {
    expect(readsMasked({ role: 'passenger_desk' })).toBe(false);
    for (const role of ['local_officer', 'supervisor', 'cbtc_analyst', 'auditor', 'service'] as const) expect(readsMasked({ role })).toBe(true);
  });
});
