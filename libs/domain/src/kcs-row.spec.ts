import { KCS_COLUMNS, kcsRowToDeclaration, KcsRowError } from './kcs-row';

const HEADER = KCS_COLUMNS;
const LINE = '97061800,2020-01-01,30,B,11,21,11,10,ZZR1LT6,QLRUBN9,0VKY2BR,,440890,BE,BE,0.0,FEU1,G,108.0,372254.4,1,2';

function row(overrides: Record<string, string> = {}, line = LINE): Record<string, string> {
  const values = line.split(',');
  return { ...Object.fromEntries(HEADER.map((c, i) => [c, values[i]])), ...overrides };
}

function errorOf(fn: () => unknown): KcsRowError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KcsRowError) return e;
    throw e;
  }
  throw new Error('expected a KcsRowError');
}

describe('kcsRowToDeclaration', () => {
  it('maps the KCS columns to camelCase, parses numbers and drops the labels', () => {
    const d = kcsRowToDeclaration(row());
    expect(d).toEqual({
      declarationId: '97061800', date: '2020-01-01', officeId: '30', processType: 'B', importType: '11',
      importUse: '21', paymentType: '11', transportMode: '10', declarantId: 'ZZR1LT6', importerId: 'QLRUBN9',
      sellerId: '0VKY2BR', courierId: null, hsCode: '440890', departureCountry: 'BE', originCountry: 'BE',
      taxRate: 0, taxType: 'FEU1', originIndicator: 'G', netMassKg: 108, itemPriceKrw: 372254.4,
      goodsDescription: expect.stringMatching(/^Wood; n.e.c. in heading no. 4408/),
    });
    expect(Object.keys(d)).not.toEqual(expect.arrayContaining(['fraud', 'Fraud', 'criticalFraud', 'Critical Fraud']));
  });

  it('maps empty Seller ID and Courier ID to null', () => {
    const d = kcsRowToDeclaration(row({ 'Seller ID': '', 'Courier ID': '' }));
    expect(d.sellerId).toBeNull();
    expect(d.courierId).toBeNull();
    expect(kcsRowToDeclaration(row({ 'Courier ID': 'ABC123' })).courierId).toBe('ABC123');
  });

  it('reads rows without the label columns', () => {
    const r = row();
    delete r['Fraud'];
    delete r['Critical Fraud'];
    expect(kcsRowToDeclaration(r).declarationId).toBe('97061800');
  });

  it('ignores a UTF-8 BOM left on the first column name', () => {
    const r = row();
    r['\uFEFFDeclaration ID'] = r['Declaration ID'];
    delete r['Declaration ID'];
    expect(kcsRowToDeclaration(r).declarationId).toBe('97061800');
  });

  it('describes HS 2017 codes by their HS 2022 heading', () => {
    expect(kcsRowToDeclaration(row({ 'HS6 Code': '940540' })).goodsDescription).toMatch(/^Luminaires/);
  });

  it.each([
    ['Net Mass', 'abc', 'Net Mass must be a number: "abc"'],
    ['Net Mass', '', 'Net Mass must be a number: (empty)'],
    ['Item Price', '1,000', 'Item Price must be a number: "1,000"'],
    ['Tax Rate', ' 8', 'Tax Rate must be a number: " 8"'],
    ['Tax Rate', 'Infinity', 'Tax Rate must be a number: "Infinity"'],
    ['Item Price', '0x10', 'Item Price must be a number: "0x10"'],
  ])('rejects %s = %p, naming the column', (column, value, message) => {
    const e = errorOf(() => kcsRowToDeclaration(row({ [column]: value }), { rowNumber: 7 }));
    expect(e.rowNumber).toBe(7);
    expect(e.errors).toEqual([message]);
    expect(e.message).toBe(`row 7: ${message}`);
  });

  it('accepts decimal and scientific notation', () => {
    expect(kcsRowToDeclaration(row({ 'Item Price': '1.5e3', 'Net Mass': '.5' }))).toMatchObject({ itemPriceKrw: 1500, netMassKg: 0.5 });
  });

  it('reports missing and unknown columns', () => {
    const r = row({ Remarks: 'x' });
    delete r['Office ID'];
    expect(errorOf(() => kcsRowToDeclaration(r)).errors).toEqual(['unknown column "Remarks"', 'missing column "Office ID"']);
  });

  it('validates the mapped declaration (malformed HS code, negative price, bad date)', () => {
    const e = errorOf(() => kcsRowToDeclaration(row({ 'HS6 Code': '00000', 'Item Price': '-5', Date: '2020-02-30' }), { rowNumber: 3 }));
    expect(e.errors).toEqual([
      'date must be a real calendar date: 2020-02-30',
      'hsCode must be exactly 6 digits, of an HS chapter 01-99: 00000',
      'itemPriceKrw must be between 0 and 1000000000000000 KRW: -5',
    ]);
    expect(e.message).toMatch(/^row 3: date must be/);
    expect(e).toBeInstanceOf(Error);
  });
});
