import { CRITERION_FACT_SPECS, type CriterionFact, type FactSpec } from './facts';

/**
 * The documents a selectivity criterion can target, one per KCS screening stream (DESIGN.md,
 * "Three streams, one machinery"): the import declaration (automated selectivity), the express
 * cargo manifest (each house waybill, screened one hour before arrival and X-rayed), and the air
 * passenger (APIS passenger list 30 minutes before arrival, PNR booking record one hour before).
 * Criteria, lanes, decision records, cases and feedback are shared; the facts differ.
 */
export const TARGET_DOCUMENTS = ['IMPORT_DECLARATION', 'EXPRESS_MANIFEST', 'PASSENGER'] as const;
export type TargetDocument = (typeof TARGET_DOCUMENTS)[number];

/** The document of a criterion that names none: criteria written before the other streams existed screen import declarations. */
export const DEFAULT_TARGET_DOCUMENT: TargetDocument = 'IMPORT_DECLARATION';

/**
 * Facts of one house waybill of an express manifest (the unit an express criterion selects).
 * Derived ones: `valuePerKgUsd`, `consigneeKind` and the split-shipment facts
 * `consigneeWaybillsInManifest` / `consigneeValueInManifestUsd` and the same per delivery
 * address (several parcels to one consignee or address, each under the USD 150 duty-free
 * threshold, is a pattern KCS names).
 */
export const EXPRESS_FACT_SPECS = {
  waybillNumber: { type: 'string', nullable: false, unit: null, description: 'House air waybill number' },
  manifestId: { type: 'string', nullable: false, unit: null, description: 'Manifest id' },
  voyage: { type: 'string', nullable: false, unit: null, description: 'Flight or vessel voyage number' },
  transportMode: { type: 'string', nullable: false, unit: null, description: 'AIR or SEA' },
  arrivalDate: { type: 'string', nullable: false, unit: 'ISO date', description: 'Arrival date YYYY-MM-DD (UTC)' },
  logisticsCentreId: { type: 'string', nullable: false, unit: null, description: 'Customs office of the express logistics centre' },
  courierId: { type: 'string', nullable: false, unit: null, description: 'Express courier id' },
  shipperName: { type: 'string', nullable: false, unit: null, description: 'Shipper name' },
  shipperCountry: { type: 'string', nullable: false, unit: 'ISO 3166-1 alpha-2', description: 'Shipper country' },
  consigneeName: { type: 'string', nullable: false, unit: null, description: 'Consignee name' },
  consigneeId: { type: 'string', nullable: false, unit: null, description: 'Personal customs clearance code (P + 12 digits) or business number' },
  consigneeKind: { type: 'string', nullable: false, unit: null, description: 'PERSONAL or BUSINESS, derived from the consignee id' },
  consigneeAddress: { type: 'string', nullable: false, unit: null, description: 'Consignee address' },
  goodsDescription: { type: 'string', nullable: false, unit: null, description: 'Goods description as declared on the waybill' },
  quantity: { type: 'number', nullable: false, unit: 'pieces', description: 'Quantity' },
  grossWeightKg: { type: 'number', nullable: false, unit: 'kg', description: 'Gross weight' },
  declaredValueUsd: { type: 'number', nullable: false, unit: 'USD', description: 'Declared value' },
  valuePerKgUsd: { type: 'number', nullable: false, unit: 'USD/kg', description: 'Declared value per kg, derived' },
  originCountry: { type: 'string', nullable: false, unit: 'ISO 3166-1 alpha-2', description: 'Country of origin' },
  consigneeWaybillsInManifest: { type: 'number', nullable: false, unit: 'waybills', description: 'Waybills to the same consignee id in this manifest, derived' },
  consigneeValueInManifestUsd: { type: 'number', nullable: false, unit: 'USD', description: 'Their declared value together, derived' },
  addressWaybillsInManifest: { type: 'number', nullable: false, unit: 'waybills', description: 'Waybills to the same delivery address (its numbers) in this manifest, derived' },
  addressValueInManifestUsd: { type: 'number', nullable: false, unit: 'USD', description: 'Their declared value together, derived' },
} as const satisfies Record<string, FactSpec>;

/**
 * Facts of one arriving passenger: from the APIS passenger list, and once the PNR booking record
 * has arrived, from it too (the PNR facts are `null` before: a criterion on them cannot fire on
 * APIS alone, and fires when the passenger is screened again with the PNR). Derived ones: age on
 * the flight date and its band, days from booking to departure, companions on the booking,
 * transit countries. Source of the drug-courier facts: KCS detection cases (booked days before
 * boarding, age band, route, short stay, travelling alone).
 */
export const PASSENGER_FACT_SPECS = {
  passengerRecordId: { type: 'string', nullable: false, unit: null, description: 'Passenger record id (flight, date, document)' },
  flightNumber: { type: 'string', nullable: false, unit: null, description: 'Arriving flight number' },
  flightDate: { type: 'string', nullable: false, unit: 'ISO date', description: 'Flight date YYYY-MM-DD' },
  arrivalOfficeId: { type: 'string', nullable: false, unit: null, description: 'Customs office of the arrival airport' },
  departureAirport: { type: 'string', nullable: false, unit: 'IATA', description: 'Airport the flight left from' },
  nationality: { type: 'string', nullable: false, unit: 'ISO 3166-1 alpha-2', description: 'Nationality' },
  sex: { type: 'string', nullable: false, unit: null, description: 'M, F or X' },
  ageYears: { type: 'number', nullable: false, unit: 'years', description: 'Age on the flight date, derived' },
  ageBand: { type: 'string', nullable: false, unit: null, description: 'Age band: 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+' },
  documentType: { type: 'string', nullable: false, unit: null, description: 'Travel document type: P passport, I identity card, O other' },
  documentIssuingCountry: { type: 'string', nullable: false, unit: 'ISO 3166-1 alpha-2', description: 'Issuer of the travel document' },
  pnrReceived: { type: 'string', nullable: false, unit: null, description: 'YES once the PNR has arrived, else NO' },
  originCountry: { type: 'string', nullable: true, unit: 'ISO 3166-1 alpha-2', description: 'Country the journey started in (PNR itinerary)' },
  transitCountries: { type: 'string', nullable: true, unit: 'ISO 3166-1 alpha-2 list', description: 'Countries changed planes in, space-separated (PNR)' },
  transitCount: { type: 'number', nullable: true, unit: 'countries', description: 'Number of transit countries (PNR)' },
  bookingDaysBeforeDeparture: { type: 'number', nullable: true, unit: 'days', description: 'Days from booking to the first departure (PNR)' },
  formOfPayment: { type: 'string', nullable: true, unit: null, description: 'CASH, CARD, INVOICE, MILES or OTHER (PNR)' },
  companions: { type: 'number', nullable: true, unit: 'persons', description: 'Other passengers on the booking; 0 travelling alone (PNR)' },
  lengthOfStayDays: { type: 'number', nullable: true, unit: 'days', description: 'Planned length of stay (PNR)' },
  bags: { type: 'number', nullable: true, unit: 'bags', description: 'Checked bags (PNR)' },
} as const satisfies Record<string, FactSpec>;

/** A fact of an express waybill; of a passenger; of any target document. */
export type ExpressFact = keyof typeof EXPRESS_FACT_SPECS;
export type PassengerFact = keyof typeof PASSENGER_FACT_SPECS;
export type AnyCriterionFact = CriterionFact | ExpressFact | PassengerFact;

/** The fact specs of each target document (the import declaration's are `CRITERION_FACT_SPECS`). */
export const FACT_SPECS_BY_DOCUMENT: Readonly<Record<TargetDocument, Readonly<Record<string, FactSpec>>>> = {
  IMPORT_DECLARATION: CRITERION_FACT_SPECS,
  EXPRESS_MANIFEST: EXPRESS_FACT_SPECS,
  PASSENGER: PASSENGER_FACT_SPECS,
};

/** The document a criterion targets: its `targetDocument`, else {@link DEFAULT_TARGET_DOCUMENT}. */
export function documentOf(criterion: { targetDocument?: TargetDocument }): TargetDocument {
  return criterion.targetDocument ?? DEFAULT_TARGET_DOCUMENT;
}

/**
 * Age band of an age in whole years, as passenger criteria name them.
 * @throws RangeError for a negative or non-finite age.
 */
export function ageBand(ageYears: number): string {
  if (!Number.isFinite(ageYears) || ageYears < 0) throw new RangeError(`age must be a non-negative number of years, got ${ageYears}`);
  if (ageYears < 18) return '0-17';
  if (ageYears < 25) return '18-24';
  if (ageYears >= 65) return '65+';
  const lower = Math.floor((ageYears - 5) / 10) * 10 + 5;
  return `${lower}-${lower + 9}`;
}
