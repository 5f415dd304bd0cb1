import { forbiddenCharacter, hostileJsonProblem, MAX_JSON_DEPTH, requireUtf8, TEXT_PATTERN } from './hostile-input';

describe('forbiddenCharacter', () => {
  it('accepts ordinary text in any script, emoji (surrogate pairs), tab and line breaks', () => {
    for (const ok of ['Glue gun, 12 pcs', '권총 부품', 'مسدس', 'שלום', '😀 x', 'a\tb\nc\r\n', '']) expect(forbiddenCharacter(ok)).toBeNull();
  });

  it('names NUL, other C0 and C1 controls and DEL with their code point and index', () => {
    expect(forbiddenCharacter('ab\u0000')).toBe('the control character U+0000 at index 2');
    expect(forbiddenCharacter('\u001b[31m')).toBe('the control character U+001B at index 0');
    expect(forbiddenCharacter('x\u0085')).toBe('the control character U+0085 at index 1');
    expect(forbiddenCharacter('\u007f')).toBe('the control character U+007F at index 0');
  });

  it('names lone surrogates, high or low, and a reversed pair', () => {
    expect(forbiddenCharacter('a\ud800')).toBe('a lone UTF-16 surrogate U+D800 at index 1 (not valid Unicode)');
    expect(forbiddenCharacter('\udc00')).toMatch(/lone UTF-16 surrogate U\+DC00 at index 0/);
    expect(forbiddenCharacter('\udc00\ud800')).toMatch(/U\+DC00/);
  });

  it('names bidirectional embedding, override and isolate controls (Trojan Source)', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(forbiddenCharacter(`x${c}`)).toMatch(/^the bidirectional control character U\+20[26][0-9A-E] at index 1/);
    }
  });
});

describe('hostileJsonProblem', () => {
  it('accepts ordinary nested bodies', () => {
    expect(hostileJsonProblem({ a: [{ b: 'c' }, 1, null, true], d: { e: 'f' } })).toBeNull();
  });

  it('names the path of the first bad string, in values and in keys', () => {
    expect(hostileJsonProblem({ subjects: [{ name: 'ok' }, { name: 'x\u0000' }] })).toBe('body.subjects[1].name contains the control character U+0000 at index 1');
    expect(hostileJsonProblem({ a: { 'k\u202e': 1 } })).toMatch(/^body\.a has a field name that contains the bidirectional control character U\+202E/);
    expect(hostileJsonProblem({ officeId: '\u0000' }, 'query')).toMatch(/^query\.officeId contains/);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels without using the stack, and accepts exactly ${MAX_JSON_DEPTH}`, () => {
    const nest = (n: number) => {
      let v: unknown = 1;
      for (let i = 0; i < n; i++) v = [v];
      return v;
    };
    expect(hostileJsonProblem(nest(MAX_JSON_DEPTH))).toBeNull();
    expect(hostileJsonProblem(nest(MAX_JSON_DEPTH + 1))).toMatch(/^body nests deeper than 32 levels/);
    expect(hostileJsonProblem(nest(1_000_000))).toMatch(/nests deeper/);
  });

  it('refuses an own __proto__ key as JSON.parse makes it', () => {
    expect(hostileJsonProblem(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toBe('body.a has a field named __proto__, which no request of this API has (prototype pollution)');
  });
});

describe('requireUtf8', () => {
  it('passes UTF-8 and refuses Latin-1, overlong, encoded-surrogate and truncated sequences, naming where', () => {
    expect(() => requireUtf8(null, null, Buffer.from('{"a":"권총 😀"}'))).not.toThrow();
    for (const bad of [Buffer.from('{"a":"Caf\xe9"}', 'latin1'), Buffer.from([0x7b, 0xc0, 0xaf]), Buffer.from([0x22, 0xed, 0xa0, 0x80]), Buffer.from([0x22, 0xe2, 0x82])]) {
      let err: unknown;
      try {
        requireUtf8(null, null, bad);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ type: 'encoding.invalid', message: expect.stringMatching(/^the body is not valid UTF-8 \(invalid byte sequence near offset \d+\)/) });
    }
  });
});

describe('TEXT_PATTERN (the rule as the OpenAPI document states it)', () => {
  it('matches a one-character string exactly when forbiddenCharacter accepts it, for every code point of the BMP but surrogates', () => {
    const pattern = new RegExp(TEXT_PATTERN);
    const disagree: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = String.fromCharCode(c);
      if (pattern.test(text) !== (forbiddenCharacter(text) === null)) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
    expect(pattern.test('Glue gun, 12 pcs\n권총 부품 😀')).toBe(true);
  });
});
