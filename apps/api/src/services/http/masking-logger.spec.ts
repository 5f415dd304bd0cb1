import { maskPersonalIdentifiers, MaskingLogger } from './masking-logger';

describe('maskPersonalIdentifiers', () => {
  it('keeps two characters of party ids, subject numbers and user names in JSON and key=value text', () => {
    expect(maskPersonalIdentifiers('{"importerId":"SHHZGSL","declarantId": "76NV527","hsCode":"930200"}')).toBe(
      '{"importerId":"SH***","declarantId": "76***","hsCode":"930200"}',
    );
    expect(maskPersonalIdentifiers('login failed username=officer-40-01 passportNumber=M1234567, sellerId=X')).toBe(
      'login failed username=of*** passportNumber=M1***, sellerId=***',
    );
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

describe('MaskingLogger', () => {
  it('masks messages, error stacks and objects before they are printed', () => {
    const out: string[] = [];
    const logger = new MaskingLogger({ logLevels: ['log', 'error'], json: true });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    const writeErr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    try {
      logger.log('screened {"importerId":"SHHZGSL"}', 'Screening');
      logger.error(new Error('duplicate key: {"sellerId":"249LO7A"}'));
      logger.log({ declaration: { courierId: 'CR12345' } });
    } finally {
      write.mockRestore();
      writeErr.mockRestore();
    }
    const text = out.join('');
    expect(text).toContain('SH***');
    expect(text).toContain('24***');
    expect(text).toContain('CR***');
    for (const id of ['SHHZGSL', '249LO7A', 'CR12345']) expect(text).not.toContain(id);
  });
});
