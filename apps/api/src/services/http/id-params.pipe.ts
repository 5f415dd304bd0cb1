import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** Declaration ids: letters and digits, 1-20 characters (as `validateDeclaration` accepts). */
const DECLARATION_ID = /^[A-Za-z0-9]{1,20}$/;
/** Case ids: `inspection-case-<declarationId>`. */
const CASE_ID = /^inspection-case-[A-Za-z0-9]{1,20}$/;
/** Customs office codes such as `40` or `154` (KCS office codes). */
const OFFICE_ID = /^[0-9]{1,8}$/;
/** Criterion ids such as `CEN-WPN-001` or `LOC-40-003`. */
const CRITERION_ID = /^[A-Z0-9-]{3,40}$/;

function idPipe(name: string, pattern: RegExp, shape: string) {
  @Injectable()
  class IdPipe implements PipeTransform<string, string> {
    transform(value: string): string {
      if (typeof value !== 'string' || !pattern.test(value)) {
        const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(value);
        throw new BadRequestException(`${name} must be ${shape}, got ${shown}`);
      }
      return value;
    }
  }
  return IdPipe;
}

/** Refuses (400) a path parameter that cannot be a declaration id, before it reaches SQL. */
export const DeclarationIdPipe = idPipe('declaration id', DECLARATION_ID, '1-20 letters or digits');
/** Refuses (400) a path parameter that cannot be a case id. */
export const CaseIdPipe = idPipe('case id', CASE_ID, '"inspection-case-" followed by a declaration id');
/** Refuses (400) a path parameter that cannot be a criterion id. */
export const CriterionIdPipe = idPipe('criterion id', CRITERION_ID, '3-40 capital letters, digits or dashes');
/** Refuses (400) a path parameter that cannot be a customs office code. */
export const OfficeIdPipe = idPipe('office id', OFFICE_ID, '1-8 digits (a KCS office code)');
