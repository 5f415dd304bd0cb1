import { sampleDeclaration } from '../testing';
import { CODE_FIELDS, CODE_FORMATS, dataQualityFindings, knownCode } from './data-quality';
import { KCS_CODE_LISTS, type KcsCodeField } from './kcs-codes';

describe('dataQualityFindings', () => {
  it('finds nothing on a declaration whose codes are all in the lists', () => {
    expect(dataQualityFindings(sampleDeclaration())).toEqual([]);
  });

  it('names each unknown code, in field order (the real cases: tax type FUS6, office 101)', () => {
    const d = { ...sampleDeclaration(), taxType: 'FUS6', officeId: '101', hsCode: '999999', originCountry: 'XX' };
    expect(dataQualityFindings(d)).toEqual([
      { field: 'officeId', value: '101', finding: 'UNKNOWN_CODE' },
      { field: 'hsCode', value: '999999', finding: 'UNKNOWN_CODE' },
      { field: 'originCountry', value: 'XX', finding: 'UNKNOWN_CODE' },
      { field: 'taxType', value: 'FUS6', finding: 'UNKNOWN_CODE' },
    ]);
  });

  it('asks the given reference lists instead of the compiled-in ones', () => {
    const d = { ...sampleDeclaration(), taxType: 'FUS6' };
    expect(dataQualityFindings(d, (field, v) => field === 'taxType' ? v === 'FUS6' : knownCode(field, v))).toEqual([]);
    expect(dataQualityFindings(d, (field) => field !== 'importUse')).toEqual([{ field: 'importUse', value: d.importUse, finding: 'UNKNOWN_CODE' }]);
  });
});

describe('CODE_FORMATS', () => {
  it.each(Object.keys(KCS_CODE_LISTS) as KcsCodeField[])('every known %s code is well formed', (field) => {
    for (const code of KCS_CODE_LISTS[field]) expect([field, code, CODE_FORMATS[field].pattern.test(code)]).toEqual([field, code, true]);
  });

  it('covers every code field', () => {
    expect([...CODE_FIELDS].sort()).toEqual(Object.keys(CODE_FORMATS).sort());
  });
});
