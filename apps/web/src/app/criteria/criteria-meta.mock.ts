import type { CriteriaMeta, FactSpec } from '../core/api.types';

/**
 * `GET /api/criteria/meta` as the API answers it today (libs/selectivity `CRITERION_FACT_SPECS`,
 * `EXPRESS_FACT_SPECS`, `PASSENGER_FACT_SPECS`, `TARGET_DOCUMENTS`, `CRITERION_OPERATORS`,
 * `RISK_AREAS`; criteria service `DEFAULT_VALIDITY_DAYS`), for the builder's specs. Copied, not imported: the web app takes these from the API at run time.
 */
const fact = (type: FactSpec['type'], nullable: boolean, unit: string | null, description: string): FactSpec => ({ type, nullable, unit, description });

/** Every fact of an import declaration, in the API's display order. */
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

/** Every fact of an express manifest's house waybill (libs/selectivity `EXPRESS_FACT_SPECS`), in the API's display order. */
export const META_EXPRESS_FACTS: Record<string, FactSpec> = {
  waybillNumber: fact('string', false, null, 'House air waybill number'),
  manifestId: fact('string', false, null, 'Manifest id'),
  voyage: fact('string', false, null, 'Flight or vessel voyage number'),
  transportMode: fact('string', false, null, 'AIR or SEA'),
  arrivalDate: fact('string', false, 'ISO date', 'Arrival date YYYY-MM-DD (UTC)'),
  logisticsCentreId: fact('string', false, null, 'Customs office of the express logistics centre'),
  courierId: fact('string', false, null, 'Express courier id'),
  shipperName: fact('string', false, null, 'Shipper name'),
  shipperCountry: fact('string', false, 'ISO 3166-1 alpha-2', 'Shipper country'),
  consigneeName: fact('string', false, null, 'Consignee name'),
  consigneeId: fact('string', false, null, 'Personal customs clearance code (P + 12 digits) or business number'),
  consigneeKind: fact('string', false, null, 'PERSONAL or BUSINESS, derived from the consignee id'),
  consigneeAddress: fact('string', false, null, 'Consignee address'),
  goodsDescription: fact('string', false, null, 'Goods description as declared on the waybill'),
  quantity: fact('number', false, 'pieces', 'Quantity'),
  grossWeightKg: fact('number', false, 'kg', 'Gross weight'),
  declaredValueUsd: fact('number', false, 'USD', 'Declared value'),
  valuePerKgUsd: fact('number', false, 'USD/kg', 'Declared value per kg, derived'),
  originCountry: fact('string', false, 'ISO 3166-1 alpha-2', 'Country of origin'),
  consigneeWaybillsInManifest: fact('number', false, 'waybills', 'Waybills to the same consignee id in this manifest, derived'),
  consigneeValueInManifestUsd: fact('number', false, 'USD', 'Their declared value together, derived'),
  addressWaybillsInManifest: fact('number', false, 'waybills', 'Waybills to the same delivery address (its numbers) in this manifest, derived'),
  addressValueInManifestUsd: fact('number', false, 'USD', 'Their declared value together, derived'),
};

/** Every fact of an arriving passenger (libs/selectivity `PASSENGER_FACT_SPECS`), in the API's display order. */
export const META_PASSENGER_FACTS: Record<string, FactSpec> = {
  passengerRecordId: fact('string', false, null, 'Passenger record id (flight, date, document)'),
  flightNumber: fact('string', false, null, 'Arriving flight number'),
  flightDate: fact('string', false, 'ISO date', 'Flight date YYYY-MM-DD'),
  arrivalOfficeId: fact('string', false, null, 'Customs office of the arrival airport'),
  departureAirport: fact('string', false, 'IATA', 'Airport the flight left from'),
  nationality: fact('string', false, 'ISO 3166-1 alpha-2', 'Nationality'),
  sex: fact('string', false, null, 'M, F or X'),
  ageYears: fact('number', false, 'years', 'Age on the flight date, derived'),
  ageBand: fact('string', false, null, 'Age band: 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+'),
  documentType: fact('string', false, null, 'Travel document type: P passport, I identity card, O other'),
  documentIssuingCountry: fact('string', false, 'ISO 3166-1 alpha-2', 'Issuer of the travel document'),
  pnrReceived: fact('string', false, null, 'YES once the PNR has arrived, else NO'),
  originCountry: fact('string', true, 'ISO 3166-1 alpha-2', 'Country the journey started in (PNR itinerary)'),
  transitCountries: fact('string', true, 'ISO 3166-1 alpha-2 list', 'Countries changed planes in, space-separated (PNR)'),
  transitCount: fact('number', true, 'countries', 'Number of transit countries (PNR)'),
  bookingDaysBeforeDeparture: fact('number', true, 'days', 'Days from booking to the first departure (PNR)'),
  formOfPayment: fact('string', true, null, 'CASH, CARD, INVOICE, MILES or OTHER (PNR)'),
  companions: fact('number', true, 'persons', 'Other passengers on the booking; 0 travelling alone (PNR)'),
  lengthOfStayDays: fact('number', true, 'days', 'Planned length of stay (PNR)'),
  bags: fact('number', true, 'bags', 'Checked bags (PNR)'),
};

/** Every target document, in the API's order (libs/selectivity `TARGET_DOCUMENTS`). */
export const META_TARGET_DOCUMENTS: CriteriaMeta['targetDocuments'] = ['IMPORT_DECLARATION', 'EXPRESS_MANIFEST', 'PASSENGER'];

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

/** The whole meta answer (default validity 15 days; `facts` are the import declaration's, as the API keeps them for older clients). */
export function criteriaMetaMock(): CriteriaMeta {
  return {
    facts: { ...META_FACTS },
    targetDocuments: [...META_TARGET_DOCUMENTS],
    factsByDocument: { IMPORT_DECLARATION: { ...META_FACTS }, EXPRESS_MANIFEST: { ...META_EXPRESS_FACTS }, PASSENGER: { ...META_PASSENGER_FACTS } },
    operators: [...META_OPERATORS],
    riskAreas: [...META_RISK_AREAS],
    defaultValidityDays: 15,
  };
}
