import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  CODE_FORMATS, MAX_WAYBILL_QUANTITY, MAX_WAYBILL_VALUE_USD, MAX_WAYBILL_WEIGHT_KG, MAX_WAYBILLS_PER_MANIFEST,
} from '@customs/domain';

const COUNTRY: SchemaObject = { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code (ZZ: unknown)', example: 'CN' };
const TEXT = (maxLength: number, description: string, example: string): SchemaObject => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S', description, example });

/**
 * OpenAPI schema of one house waybill, stating the rules of `validateExpressManifest`
 * (`@customs/domain`): identifier shapes, the consignee's clearance code or business number,
 * text lengths, and the bounds of quantity (pieces), gross weight (kg) and declared value (USD).
 */
export const EXPRESS_WAYBILL_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: [
    'waybillNumber', 'courierId', 'shipperName', 'shipperCountry', 'consigneeName', 'consigneeId', 'consigneeAddress',
    'goodsDescription', 'quantity', 'grossWeightKg', 'declaredValueUsd', 'originCountry',
  ],
  properties: {
    waybillNumber: { type: 'string', pattern: '^[A-Za-z0-9]{8,20}$', description: 'House waybill number, 8-20 letters or digits, unique in the manifest', example: 'EXAMPLE00001' },
    courierId: { type: 'string', pattern: '^[A-Za-z0-9]{1,20}$', description: 'Express courier id', example: 'DHL01' },
    shipperName: TEXT(200, 'Shipper name', 'Shenzhen Trading Co.'),
    shipperCountry: COUNTRY,
    consigneeName: TEXT(200, 'Consignee name', 'KIM MINSU'),
    consigneeId: { type: 'string', pattern: '^(?:P[0-9]{12}|[0-9]{10})$', description: 'Personal customs clearance code (P and 12 digits) or business registration number (10 digits)', example: 'P123456789012' },
    consigneeAddress: TEXT(400, 'Consignee delivery address', 'Seoul, Gangnam-gu'),
    goodsDescription: TEXT(2000, 'Goods description as declared by the shipper', 'sports shoes'),
    quantity: { type: 'integer', minimum: 1, maximum: MAX_WAYBILL_QUANTITY, description: 'Pieces', example: 2 },
    grossWeightKg: { type: 'number', exclusiveMinimum: true, minimum: 0, maximum: MAX_WAYBILL_WEIGHT_KG, description: 'Gross weight, kg', example: 1.4 },
    declaredValueUsd: { type: 'number', minimum: 0, maximum: MAX_WAYBILL_VALUE_USD, description: 'Declared value, USD', example: 85 },
    originCountry: COUNTRY,
  },
};

/** OpenAPI schema of an express cargo manifest (`ExpressManifest`): its header and 1..20,000 house waybills. */
export const EXPRESS_MANIFEST_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['manifestId', 'transportMode', 'voyage', 'arrivalAt', 'logisticsCentreId', 'waybills'],
  properties: {
    manifestId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,35}$', description: 'Manifest id, 1-35 letters, digits or hyphens', example: 'EXAMPLE-MANIFEST-1' },
    transportMode: { type: 'string', enum: ['AIR', 'SEA'] },
    voyage: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,16}$', description: 'Flight number (AIR, e.g. KE0852) or vessel voyage number (SEA)', example: 'KE0852' },
    arrivalAt: { type: 'string', format: 'date-time', description: 'Arrival, ISO 8601 UTC date-time ending in Z', example: '2026-12-01T06:30:00Z' },
    logisticsCentreId: { type: 'string', pattern: CODE_FORMATS.officeId.pattern.source, description: `Customs office code of the express logistics centre: ${CODE_FORMATS.officeId.what}`, example: '40' },
    waybills: { type: 'array', minItems: 1, maxItems: MAX_WAYBILLS_PER_MANIFEST, items: EXPRESS_WAYBILL_SCHEMA },
  },
};
