import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportedTypeNames, generateResponseSchemas, RESPONSE_SCHEMAS_FILE, toOpenApi30 } from './response-schemas';

const ROOT = path.resolve(__dirname, '../../..');

describe('response schemas', () => {
  it('are what the response types of apps/api/src/contract/responses.ts generate (run `npm run contract` after changing one)', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, RESPONSE_SCHEMAS_FILE), 'utf8'));
    expect(generateResponseSchemas(ROOT)).toEqual(committed);
  }, 120_000);

  it('name every response type listed, each a closed object schema', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, RESPONSE_SCHEMAS_FILE), 'utf8'));
    const names = exportedTypeNames(ROOT);
    expect(names).toEqual(expect.arrayContaining(['SelectionTrace', 'ReplayResult', 'LaneStats', 'ModelList', 'CaseList']));
    for (const name of names) {
      expect(committed[name]).toMatchObject({ type: 'object' });
      expect(committed[name].additionalProperties).toBe(false);
    }
  }, 60_000);
});

describe('toOpenApi30', () => {
  const names = new Map([['Lane', 'Lane'], ['Foo<Bar>', 'Foo_Bar_']]);

  it('turns null in a union into nullable, const into enum, and definitions refs into component refs', () => {
    expect(toOpenApi30({ type: ['string', 'null'] }, names)).toEqual({ type: 'string', nullable: true });
    expect(toOpenApi30({ anyOf: [{ $ref: '#/definitions/Lane' }, { type: 'null' }] }, names)).toEqual({ nullable: true, allOf: [{ $ref: '#/components/schemas/Lane' }] });
    expect(toOpenApi30({ type: 'string', const: 'log-odds' }, names)).toEqual({ type: 'string', enum: ['log-odds'] });
    expect(toOpenApi30({ $ref: '#/definitions/Foo%3CBar%3E' }, names)).toEqual({ $ref: '#/components/schemas/Foo_Bar_' });
    expect(toOpenApi30({ type: 'string', enum: ['A', null] }, names)).toEqual({ type: 'string', enum: ['A'], nullable: true });
  });

  it('keeps several non-null options as anyOf', () => {
    expect(toOpenApi30({ anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] }, names)).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }], nullable: true });
    expect(toOpenApi30({ type: ['string', 'number'] }, names)).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
  });
});
