import { validateSync } from 'class-validator';
import { IsDesk, IsNotBefore, isDesk } from './code-validators';

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

class Period {
  from?: string;
  @IsNotBefore('from')
  to?: string;
}

describe('IsNotBefore', () => {
  it('refuses a last day before the first, naming both fields, and lets either bound be absent', () => {
    const bad = validateSync(Object.assign(new Period(), { from: '2021-03-02', to: '2021-03-01' }));
    expect(bad[0].constraints).toEqual({ notBeforeFrom: 'to must not be before from' });
    expect(validateSync(Object.assign(new Period(), { from: '2021-03-02', to: '2021-03-02' }))).toEqual([]);
    expect(validateSync(Object.assign(new Period(), { to: '2021-03-01' }))).toEqual([]);
    expect(validateSync(Object.assign(new Period(), { from: '2021-03-01' }))).toEqual([]);
  });
});
