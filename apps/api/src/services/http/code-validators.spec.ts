import { validateSync } from 'class-validator';
import { IsDesk, isDesk } from './code-validators';

class DeskQuery {
  @IsDesk()
  desk!: unknown;
}

describe('isDesk', () => {
  it('accepts CBTC and the KCS office codes, nothing else', () => {
    expect(isDesk('CBTC')).toBe(true);
    expect(isDesk('40')).toBe(true);
    for (const bad of ['cbtc', 'CBT', '99999', '', 40, null, undefined]) expect([bad, isDesk(bad)]).toEqual([bad, false]);
  });

  it('names the field and the value it refused', () => {
    const q = Object.assign(new DeskQuery(), { desk: 'CBT' });
    expect(validateSync(q)[0].constraints).toEqual({ isDesk: 'desk must be CBTC or a known customs office code, got "CBT"' });
    expect(validateSync(Object.assign(new DeskQuery(), { desk: '40' }))).toEqual([]);
  });
});
