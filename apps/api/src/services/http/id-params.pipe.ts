import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * A pipe that checks one path parameter and states, as `schema`, what it accepts, so the OpenAPI
 * document says what the pipe refuses (`documentPathParameters` copies it onto every path
 * parameter the pipe guards).
 */
export interface DocumentedParamPipe {
  readonly schema: SchemaObject;
}

/** Declaration ids: letters and digits, 1-20 characters (as `validateDeclaration` accepts). */
const DECLARATION_ID = '^[A-Za-z0-9]{1,20}$';
/**
 * Case ids: `inspection-case-<declarationId>`, `inspection-case-EXP-<waybill number>` for an
 * express waybill, `inspection-case-PAX-<16 hex>` for a passenger.
 */
const CASE_ID = '^inspection-case-(?:[A-Za-z0-9]{1,20}|EXP-[A-Z0-9]{8,20}|PAX-[0-9A-F]{16})$';
/** Opaque passenger ids: `PAX-` and 16 upper-case hex characters. */
const PASSENGER_ID = '^PAX-[0-9A-F]{16}$';
/** House waybill numbers: 8-20 letters or digits (as `validateExpressManifest` accepts). */
const WAYBILL_NUMBER = '^[A-Za-z0-9]{8,20}$';
/** Customs office codes such as `40` or `154` (KCS office codes). */
const OFFICE_ID = '^[0-9]{1,8}$';
/** UUIDs as PostgreSQL's gen_random_uuid() writes them (lower-case hex). */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Intelligence report ids: `intel-<uuid>`. */
const REPORT_ID = `^intel-${UUID}$`;
/** Risk case ids: `risk-case-<uuid>`. */
const RISK_CASE_ID = `^risk-case-${UUID}$`;
/** Criterion ids such as `CEN-WPN-001` or `LOC-40-003`. */
const CRITERION_ID = '^[A-Z0-9-]{3,40}$';
/** Model versions, semantic-version style: `2.0.0`. */
const MODEL_VERSION = '^[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}$';

function idPipe(name: string, pattern: string, shape: string, example: string) {
  const regex = new RegExp(pattern);
  @Injectable()
  class IdPipe implements PipeTransform<string, string> {
    static readonly schema: SchemaObject = { type: 'string', pattern, example, description: `${name}: ${shape}` };
    transform(value: string): string {
      if (typeof value !== 'string' || !regex.test(value)) {
        const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(value);
        throw new BadRequestException(`${name} must be ${shape}, got ${shown}`);
      }
      return value;
    }
  }
  return IdPipe;
}

/** Refuses (400) a path parameter that cannot be a declaration id, before it reaches SQL. */
export const DeclarationIdPipe = idPipe('declaration id', DECLARATION_ID, '1-20 letters or digits', '56839011');
/** Refuses (400) a path parameter that cannot be a case id. */
export const CaseIdPipe = idPipe('case id', CASE_ID, '"inspection-case-" followed by a declaration id, by "EXP-" and a waybill number, or by a passenger id', 'inspection-case-56839011');
/** Refuses (400) a path parameter that cannot be a house waybill number. */
export const WaybillNumberPipe = idPipe('waybill number', WAYBILL_NUMBER, '8-20 letters or digits', 'EXAMPLE00001');
/** Refuses (400) a path parameter that cannot be a passenger id. */
export const PassengerIdPipe = idPipe('passenger id', PASSENGER_ID, '"PAX-" followed by 16 upper-case hex characters', 'PAX-0123456789ABCDEF');
/** Refuses (400) a path parameter that cannot be an intelligence report id. */
export const ReportIdPipe = idPipe('report id', REPORT_ID, '"intel-" followed by a UUID', 'intel-3f1c2a4e-8d1b-4c6f-9a2e-7b5d0c9e1f23');
/** Refuses (400) a path parameter that cannot be a risk-case id. */
export const RiskCaseIdPipe = idPipe('risk case id', RISK_CASE_ID, '"risk-case-" followed by a UUID', 'risk-case-3f1c2a4e-8d1b-4c6f-9a2e-7b5d0c9e1f23');
/** Refuses (400) a path parameter that cannot be a criterion id. */
export const CriterionIdPipe = idPipe('criterion id', CRITERION_ID, '3-40 capital letters, digits or dashes', 'CEN-DRG-001');
/** Refuses (400) a path parameter that cannot be a customs office code. */
export const OfficeIdPipe = idPipe('office id', OFFICE_ID, '1-8 digits (a KCS office code)', '40');
/** Refuses (400) a path parameter that cannot be a model version. */
export const ModelVersionPipe = idPipe('model version', MODEL_VERSION, 'three dot-separated numbers such as 2.0.0', '2.0.0');

/** Largest version number PostgreSQL's `integer` column holds. */
const MAX_VERSION = 2_147_483_647;

/**
 * Parses a criterion version path parameter: a whole number from 1 to 2147483647 written in
 * plain digits. Refuses (400) anything else (`0`, `-1`, `1.5`, `abc`, `99999999999`) before it
 * reaches SQL, where an out-of-range integer would be a server error.
 */
@Injectable()
export class CriterionVersionPipe implements PipeTransform<string | number, number> {
  static readonly schema: SchemaObject = { type: 'integer', minimum: 1, maximum: MAX_VERSION, example: 1, description: 'criterion version: a whole number from 1' };
  transform(value: string | number): number {
    // The global ValidationPipe (transform: true) may already have turned the digits into a number.
    const n = /^[1-9][0-9]{0,9}$/.test(String(value)) ? Number(value) : NaN;
    if (!(n >= 1 && n <= MAX_VERSION)) {
      throw new BadRequestException(`version must be a whole number from 1 to ${MAX_VERSION}, got ${JSON.stringify(String(value).slice(0, 20))}`);
    }
    return n;
  }
}
