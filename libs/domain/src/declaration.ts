/**
 * An import declaration as screened by the system.
 *
 * Fields follow the KCS import-declaration layout (Jeong et al., "Customs Import
 * Declaration Datasets", arXiv:2208.02484), renamed to camelCase. The KCS labels
 * `Fraud` and `Critical Fraud` are inspection outcomes and are deliberately absent:
 * they must never be decision inputs.
 */
export interface Declaration {
  /** KCS "Declaration ID": unique key of the declaration (digits, up to 20 characters). */
  declarationId: string;
  /** Acceptance date, ISO `YYYY-MM-DD` (UTC calendar date). */
  date: string;
  /** Customs office code, e.g. `"40"`. */
  officeId: string;
  /** KCS process type code, e.g. `"B"`. */
  processType: string;
  /** KCS import type code, e.g. `"11"`. */
  importType: string;
  /** KCS import use code, e.g. `"21"`. */
  importUse: string;
  /** KCS payment type code, e.g. `"11"`. */
  paymentType: string;
  /** KCS mode-of-transport code: 10 sea, 40 air, 50 post, ... */
  transportMode: string;
  /** Declarant (customs broker) id. */
  declarantId: string;
  /** Importer (consignee) id. */
  importerId: string;
  /** Seller (foreign supplier) id; `null` when not declared. */
  sellerId: string | null;
  /** Express courier id; `null` when the goods do not come by courier. */
  courierId: string | null;
  /** HS 6-digit subheading code, e.g. `"392690"`. */
  hsCode: string;
  /** Country of departure, ISO 3166-1 alpha-2. */
  departureCountry: string;
  /** Country of origin, ISO 3166-1 alpha-2. */
  originCountry: string;
  /** Duty rate applied, in percent (0..1000). */
  taxRate: number;
  /** KCS tax type code, e.g. `"A"`, `"FCN1"` (FTA with China). */
  taxType: string;
  /** KCS country-of-origin indicator code, e.g. `"E"`, `"G"`, `"Y"`. */
  originIndicator: string;
  /** Net mass in kilograms (>= 0). */
  netMassKg: number;
  /** Item price in Korean won (KRW, >= 0). */
  itemPriceKrw: number;
  /**
   * Free-text goods description. Optional on input; ingest of KCS rows fills it from
   * the HS 2022 nomenclature (subheading, else heading, else chapter description).
   */
  goodsDescription?: string;
}

/** The Declaration fields in their canonical order (the KCS column order). */
export const DECLARATION_FIELDS = [
  'declarationId', 'date', 'officeId', 'processType', 'importType', 'importUse', 'paymentType',
  'transportMode', 'declarantId', 'importerId', 'sellerId', 'courierId', 'hsCode',
  'departureCountry', 'originCountry', 'taxRate', 'taxType', 'originIndicator', 'netMassKg',
  'itemPriceKrw', 'goodsDescription',
] as const satisfies readonly (keyof Declaration)[];

/** The three selectivity lanes, in increasing severity. */
export const LANES = ['GREEN', 'YELLOW', 'RED'] as const;

/** GREEN automatic clearance, YELLOW document review, RED physical inspection. */
export type Lane = (typeof LANES)[number];

/** Severity rank of a lane: GREEN 0, YELLOW 1, RED 2. */
export function laneRank(lane: Lane): number {
  return LANES.indexOf(lane);
}

/**
 * The most severe of the given lanes (GREEN when the list is empty).
 * @example mostSevereLane(['YELLOW', 'GREEN']) === 'YELLOW'
 */
export function mostSevereLane(lanes: Iterable<Lane>): Lane {
  let worst: Lane = 'GREEN';
  for (const lane of lanes) if (laneRank(lane) > laneRank(worst)) worst = lane;
  return worst;
}
