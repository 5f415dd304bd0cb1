import { maskPersonalIdentifiers } from './personal-identifiers';

describe('maskPersonalIdentifiers', () => {
  it('keeps two characters of party ids, subject numbers and user names in JSON and key=value text', () => {
    expect(maskPersonalIdentifiers('{"importerId":"SHHZGSL","declarantId": "76NV527","hsCode":"930200"}')).toBe(
      '{"importerId":"SH***","declarantId": "76***","hsCode":"930200"}',
    );
    expect(maskPersonalIdentifiers('login failed username=officer-40-01 passportNumber=M1234567, sellerId=X')).toBe(
      'login failed username=of*** passportNumber=M1***, sellerId=***',
    );
  });

  it('masks a JSON member quoted inside a JSON string (a message in a JSON log line)', () => {
    const line = JSON.stringify({ msg: 'duplicate key {"importerId":"SHHZGSL"}', sellerId: '249LO7A' });
    const masked = maskPersonalIdentifiers(line);
    expect(JSON.parse(masked)).toEqual({ msg: 'duplicate key {"importerId":"SH***"}', sellerId: '24***' });
  });

  it('keeps a JSON line valid when a key=value identifier ends a message', () => {
    const masked = maskPersonalIdentifiers(JSON.stringify({ msg: 'login failed username=officer-40-01' }));
    expect(JSON.parse(masked)).toEqual({ msg: 'login failed username=of***' });
  });

  it('masks bearer tokens and JWTs wherever they appear', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbmFseXN0LWtpbSJ9.c2lnbmF0dXJl';
    expect(maskPersonalIdentifiers(`Authorization: Bearer ${jwt}`)).toBe('Authorization: Bearer ***');
    expect(maskPersonalIdentifiers(`token ${jwt} refused`)).toBe('token *** refused');
  });

  it('leaves text without identifiers alone', () => {
    expect(maskPersonalIdentifiers('criteria seeded from rules: 0 new of 39')).toBe('criteria seeded from rules: 0 new of 39');
  });
});
