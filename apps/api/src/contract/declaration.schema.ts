import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  CODE_FORMATS, MAX_DECLARATION_DATE, MAX_ITEM_PRICE_KRW, MAX_NET_MASS_KG, MAX_TAX_RATE_PERCENT, MIN_DECLARATION_DATE, type CodeField,
} from '@customs/domain';
import { DEFAULT_MAX_BATCH_SIZE } from '@customs/config';

/** Identifiers: 1-20 ASCII letters or digits (`IsIdentifier` of `DeclarationDto`). */
const IDENTIFIER = '^[A-Za-z0-9]{1,20}$';

/**
 * Real calendar dates from 1990-01-01 to 2100-12-31 (`MIN_DECLARATION_DATE`,
 * `MAX_DECLARATION_DATE`), leap days included: 29 February of 1992, 1996, 2000, ..., 2096.
 * `declaration.schema.spec.ts` checks it against `DeclarationDto` day by day.
 */
export const DECLARATION_DATE_PATTERN =
  '^(?:(?:199[0-9]|20[0-9]{2}|2100)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))' +
  '|(?:199[26]|20(?:[02468][048]|[13579][26]))-02-29)$';

/**
 * A code field: its shape as a pattern (`CODE_FORMATS`), not the reference list as an enum. A
 * well-formed code missing from the reference lists is screened with a data-quality finding.
 */
const code = (field: CodeField, description: string, example: string): SchemaObject => ({
  type: 'string',
  pattern: CODE_FORMATS[field].pattern.source,
  description: `${description}: ${CODE_FORMATS[field].what}. A well-formed code not in the reference lists (GET /api/reference/{list}) is screened with a data-quality finding and sent at least to document review`,
  example,
});
const identifier = (description: string, example: string | null, nullable = false): SchemaObject => ({
  type: 'string', pattern: IDENTIFIER, ...(nullable ? { nullable: true } : {}), description, example,
});

/**
 * OpenAPI schema of a declaration, stating every rule `validateDeclaration` (`DeclarationDto`,
 * `@customs/domain`) checks: identifiers, the shapes of the code fields (office, KCS codes, HS,
 * countries; membership of the reference lists is a data-quality finding, not a rule), the date range and the numeric bounds
 * (`taxRate` %, `netMassKg` kg, `itemPriceKrw` KRW).
 */
export const DECLARATION_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: [
    'declarationId', 'date', 'officeId', 'processType', 'importType', 'importUse', 'paymentType', 'transportMode',
    'declarantId', 'importerId', 'sellerId', 'courierId', 'hsCode', 'departureCountry', 'originCountry', 'taxRate',
    'taxType', 'originIndicator', 'netMassKg', 'itemPriceKrw',
  ],
  properties: {
    // Not an id of the bundled KCS sample: a fuzzer sending the example must not claim a real declaration's id.
    declarationId: identifier('Declaration id (letters and digits, 1-20)', 'EXAMPLE0001'),
    date: {
      type: 'string', pattern: DECLARATION_DATE_PATTERN,
      description: `Acceptance date YYYY-MM-DD, a real date from ${MIN_DECLARATION_DATE} to ${MAX_DECLARATION_DATE}`, example: '2021-01-01',
    },
    officeId: code('officeId', 'Customs office code', '40'),
    processType: code('processType', 'Process type code', 'B'),
    importType: code('importType', 'Import type code', '11'),
    importUse: code('importUse', 'Import use code', '21'),
    paymentType: code('paymentType', 'Payment type code', '11'),
    transportMode: code('transportMode', 'Mode of transport: 10 sea, 40 air, 50 post, ...', '40'),
    declarantId: identifier('Declarant (customs broker) id', '76NV527'),
    importerId: identifier('Importer (consignee) id', 'SHHZGSL'),
    sellerId: identifier('Seller id, null when none', '249LO7A', true),
    courierId: identifier('Express courier id, null when none', null, true),
    hsCode: code('hsCode', 'HS 6-digit code (HS 2022, or HS 2017 whose heading exists)', '760711'),
    departureCountry: code('departureCountry', 'Country of departure (ZZ: unknown)', 'CN'),
    originCountry: code('originCountry', 'Country of origin (ZZ: unknown)', 'CN'),
    taxRate: { type: 'number', minimum: 0, maximum: MAX_TAX_RATE_PERCENT, description: 'Duty rate, %', example: 7.2 },
    taxType: code('taxType', 'Tax type code', 'FCN1'),
    originIndicator: code('originIndicator', 'Country-of-origin indicator', 'E'),
    netMassKg: { type: 'number', minimum: 0, maximum: MAX_NET_MASS_KG, description: 'Net mass, kg', example: 901.2 },
    itemPriceKrw: { type: 'number', minimum: 0, maximum: MAX_ITEM_PRICE_KRW, description: 'Item price, KRW', example: 415092.72 },
    goodsDescription: { type: 'string', maxLength: 2000, description: 'Goods description; filled from HS 2022 when absent' },
  },
};

/**
 * A batch body `{ <field>: [item, ...] }`: 1 to `MAX_BATCH_SIZE` items (the default, 1000, is
 * what the document states), no other field.
 */
export function batchSchema(field: string, item: SchemaObject): SchemaObject {
  return {
    type: 'object',
    additionalProperties: false,
    required: [field],
    properties: {
      [field]: { type: 'array', minItems: 1, maxItems: DEFAULT_MAX_BATCH_SIZE, items: item, description: `1 to MAX_BATCH_SIZE (default ${DEFAULT_MAX_BATCH_SIZE}) items` },
    },
  };
}
