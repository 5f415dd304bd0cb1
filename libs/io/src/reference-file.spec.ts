import { parseReferenceCsv } from './reference-file';

describe('parseReferenceCsv', () => {
  it('reads each list of the file, codes sorted, empty labels as null', () => {
    const r = parseReferenceCsv('\ufefflist,code,label\ntax-type,FUS6,FTA with the United States (6)\ntax-type,A,\noffice,101,New office\n');
    expect(r).toEqual({
      ok: true,
      lists: new Map([
        ['tax-type', [{ code: 'A', label: null }, { code: 'FUS6', label: 'FTA with the United States (6)' }]],
        ['office', [{ code: '101', label: 'New office' }]],
      ]),
    });
  });

  it('takes a file without labels', () => {
    const r = parseReferenceCsv('list,code\ncountry,XK\n');
    expect(r).toEqual({ ok: true, lists: new Map([['country', [{ code: 'XK', label: null }]]]) });
  });

  it('refuses the whole file naming every bad row: unknown list, malformed code, repeated code, long label', () => {
    const r = parseReferenceCsv(`list,code,label\nflavour,X,\ntax-type,fus6,\noffice,40,\noffice,40,\nhs,930200,${'x'.repeat(501)}\n`);
    expect(r).toEqual({
      ok: false,
      errors: [
        expect.stringMatching(/^row 1: list must be one of .*tax-type.*, got "flavour"$/),
        'row 2: code of list tax-type must be a KCS tax type (a capital letter, then up to 4 capitals or digits): "fus6"',
        'row 4: code 40 appears twice in list office',
        'row 5: label must be at most 500 characters, got 501',
      ],
    });
  });

  it('refuses a wrong header, an empty file and broken CSV', () => {
    expect(parseReferenceCsv('name,code\noffice,40\n')).toEqual({ ok: false, errors: ['missing column(s) list: the header must be list,code[,label]'] });
    expect(parseReferenceCsv('list,code,colour\noffice,40,red\n')).toEqual({ ok: false, errors: ['unknown column(s) colour: the header must be list,code[,label]'] });
    expect(parseReferenceCsv('list,code,label\n')).toMatchObject({ ok: false, errors: [expect.stringContaining('holds no codes')] });
    expect(parseReferenceCsv('list,code,label\noffice,"40,\n')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^not a readable CSV/)] });
  });
});
