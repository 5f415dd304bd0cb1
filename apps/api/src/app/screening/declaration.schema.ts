import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const code = (description: string, example: string): SchemaObject => ({ type: 'string', description, example });

/** OpenAPI schema of a declaration, as accepted by `validateDeclaration` (`@customs/domain`). */
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
    declarationId: code('Declaration id (letters and digits, 1-20)', 'EXAMPLE0001'),
    date: { type: 'string', format: 'date', description: 'Acceptance date YYYY-MM-DD', example: '2021-01-01' },
    officeId: code('Customs office code', '40'),
    processType: code('KCS process type code', 'B'),
    importType: code('KCS import type code', '11'),
    importUse: code('KCS import use code', '21'),
    paymentType: code('KCS payment type code', '11'),
    transportMode: code('Mode of transport: 10 sea, 40 air, 50 post, ...', '40'),
    declarantId: code('Declarant (customs broker) id', '76NV527'),
    importerId: code('Importer (consignee) id', 'SHHZGSL'),
    sellerId: { type: 'string', nullable: true, description: 'Seller id, null when none', example: '249LO7A' },
    courierId: { type: 'string', nullable: true, description: 'Express courier id, null when none', example: null },
    hsCode: code('HS 6-digit code (HS 2022, or HS 2017 whose heading exists)', '760711'),
    departureCountry: code('Country of departure, ISO 3166-1 alpha-2', 'CN'),
    originCountry: code('Country of origin, ISO 3166-1 alpha-2', 'CN'),
    taxRate: { type: 'number', minimum: 0, maximum: 1000, description: 'Duty rate, %', example: 7.2 },
    taxType: code('KCS tax type code', 'FCN1'),
    originIndicator: code('KCS country-of-origin indicator', 'E'),
    netMassKg: { type: 'number', minimum: 0, description: 'Net mass, kg', example: 901.2 },
    itemPriceKrw: { type: 'number', minimum: 0, description: 'Item price, KRW', example: 415092.72 },
    goodsDescription: { type: 'string', maxLength: 2000, description: 'Goods description; filled from HS 2022 when absent' },
  },
};
