import type { CriteriaMeta, FactSpec } from '../core/api.types';

/**
 * `GET /api/criteria/meta` as the API answers it today (libs/selectivity `CRITERION_FACT_SPECS`,
 * `CRITERION_OPERATORS`, `RISK_AREAS`; criteria service `DEFAULT_VALIDITY_DAYS`), for the
 * builder's specs. Copied, not imported: the web app takes these from the API at run time.
 */
const fact = (type: FactSpec['type'], nullable: boolean, unit: string | null, description: string): FactSpec => ({ type, nullable, unit, description });

/** Every fact a criterion may test, in the API's display order. */
export const META_FACTS: Record<string, FactSpec> = {
  declarationId: fact('string', false, null, 'Declaration id'),
  date: fact('string', false, 'ISO date', 'Acceptance date YYYY-MM-DD'),
  officeId: fact('string', false, null, 'Customs office code, e.g. "40"'),
  processType: fact('string', false, null, 'KCS process type code'),
  importType: fact('string', false, null, 'KCS import type code'),
  importUse: fact('string', false, null, 'KCS import use code'),
  paymentType: fact('string', false, null, 'KCS payment type code'),
  transportMode: fact('string', false, null, 'Mode of transport: 10 sea, 40 air, 50 post, ...'),
  declarantId: fact('string', false, null, 'Declarant (customs broker) id'),
  importerId: fact('string', false, null, 'Importer id'),
  sellerId: fact('string', true, null, 'Foreign seller id (null if not declared)'),
  courierId: fact('string', true, null, 'Express courier id (null if not by courier)'),
  hsCode: fact('string', false, null, 'HS 6-digit subheading'),
  hsChapter: fact('string', false, null, 'HS chapter (2 digits), derived'),
  hsHeading: fact('string', false, null, 'HS heading (4 digits), derived'),
  departureCountry: fact('string', false, 'ISO 3166-1 alpha-2', 'Country of departure'),
  originCountry: fact('string', false, 'ISO 3166-1 alpha-2', 'Country of origin'),
  taxRate: fact('number', false, 'percent', 'Duty rate applied'),
  taxType: fact('string', false, null, 'KCS tax type code, e.g. "A", "FCN1"'),
  originIndicator: fact('string', false, null, 'KCS country-of-origin indicator code'),
  netMassKg: fact('number', false, 'kg', 'Net mass'),
  itemPriceKrw: fact('number', false, 'KRW', 'Item price'),
  unitPriceKrwPerKg: fact('number', true, 'KRW/kg', 'Item price per kg, derived (null if mass 0)'),
  goodsDescription: fact('string', false, null, 'Goods description (HS 2022 text)'),
};

/** Every operator, in the API's display order. */
export const META_OPERATORS: CriteriaMeta['operators'] = [
  'equal', 'notEqual', 'in', 'notIn', 'hsStartsWithAny', 'containsAnyKeyword',
  'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive',
];

/** Every risk area, in the API's order. */
export const META_RISK_AREAS: CriteriaMeta['riskAreas'] = [
  'TAX_EVASION', 'UNFAIR_TRADE', 'ENVIRONMENT', 'NATIONAL_SECURITY', 'PUBLIC_HEALTH', 'ILLEGAL_FOREIGN_EXCHANGE',
  'SMUGGLING_DRUGS', 'SMUGGLING_WEAPONS', 'SMUGGLING_OTHER', 'ORIGIN_FRAUD', 'UNDERVALUATION',
];

/** The whole meta answer (default validity 15 days; the express and passenger documents' facts left out: the builder offers import declarations only so far). */
export function criteriaMetaMock(): CriteriaMeta {
  return {
    facts: { ...META_FACTS },
    targetDocuments: ['IMPORT_DECLARATION', 'EXPRESS_MANIFEST', 'PASSENGER'],
    factsByDocument: { IMPORT_DECLARATION: { ...META_FACTS }, EXPRESS_MANIFEST: {}, PASSENGER: {} },
    operators: [...META_OPERATORS],
    riskAreas: [...META_RISK_AREAS],
    defaultValidityDays: 15,
  };
}
