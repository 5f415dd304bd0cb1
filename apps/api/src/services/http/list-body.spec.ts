import { BadRequestException } from '@nestjs/common';
import { listItems, validateAll } from './list-body';

describe('listItems', () => {
  it('returns the items of { field: [...] }', () => {
    expect(listItems({ pnrs: [1, 2] }, 'pnrs', 5)).toEqual([1, 2]);
  });

  it.each([
    [[], 'body must be an object { "pnrs": [ ... ] }'],
    [null, 'body must be an object { "pnrs": [ ... ] }'],
    [{ pnrs: [1], extra: 1 }, 'unknown field(s) in batch: extra'],
    [{ pnrs: 'x' }, 'pnrs must be an array'],
    [{ pnrs: [] }, 'pnrs must not be empty'],
    [{ pnrs: [1, 2, 3] }, 'pnrs holds 3 items; at most 2 per batch'],
  ])('refuses %j with a 400 naming the problem', (body, message) => {
    expect(() => listItems(body, 'pnrs', 2)).toThrow(new BadRequestException(message));
  });
});

describe('validateAll', () => {
  const positive = (v: unknown) => (typeof v === 'number' && v > 0 ? { ok: true as const, value: v } : { ok: false as const, errors: [`must be positive: ${String(v)}`] });

  it('returns every value when all are valid', () => {
    expect(validateAll([1, 2], 'numbers', positive)).toEqual([1, 2]);
  });

  it('refuses the whole list, naming each invalid item by its index', () => {
    try {
      validateAll([1, -1, 'a'], 'numbers', positive);
      throw new Error('not refused');
    } catch (err) {
      expect((err as BadRequestException).getResponse()).toEqual({
        statusCode: 400, error: 'Bad Request', message: '2 of 3 numbers are invalid; nothing was screened',
        errors: [{ index: 1, message: 'must be positive: -1' }, { index: 2, message: 'must be positive: a' }],
      });
    }
  });
});
