import type { DecisionRecord } from '../core/api.types';
import { declarationRows } from './declaration-fields';

describe('declarationRows', () => {
  it('labels each field, groups digits, gives units and marks null as empty, in the KCS column order', () => {
    const rows = declarationRows({ taxRate: 8, courierId: null, netMassKg: 1234.5, declarationId: 'D1', itemPriceKrw: 415092.72 } as unknown as DecisionRecord['declaration']);
    expect(rows).toEqual([
      { labelKey: 'field.declarationId', value: 'D1', unitKey: null, empty: false },
      { labelKey: 'field.courierId', value: '', unitKey: null, empty: true },
      { labelKey: 'field.taxRate', value: '8', unitKey: 'unit.percent', empty: false },
      { labelKey: 'field.netMassKg', value: '1,234.5', unitKey: 'unit.kg', empty: false },
      { labelKey: 'field.itemPriceKrw', value: '415,092.72', unitKey: 'unit.krw', empty: false },
    ]);
  });
});
