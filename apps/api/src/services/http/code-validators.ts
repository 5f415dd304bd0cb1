import { ValidateBy, type ValidationArguments } from 'class-validator';
import { isCustomsCountryCode, KCS_CODE_LISTS } from '@customs/domain';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is `YYYY-MM-DD` naming a day that exists (no 2021-02-30, no month 13). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The ISO 3166-1 alpha-2 codes (and `ZZ`) `isCustomsCountryCode` accepts, sorted: for `enum` in the OpenAPI document. */
export function countryCodes(): string[] {
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (isCustomsCountryCode(code)) out.push(code);
    }
  }
  return out;
}

/** True when `value` is a customs office code of the KCS reference list (e.g. `"40"`). */
export function isKnownOfficeCode(value: unknown): value is string {
  return typeof value === 'string' && KCS_CODE_LISTS.officeId.has(value);
}

function check(name: string, test: (value: unknown) => boolean, what: string, each: boolean): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => test(value),
        defaultMessage: (args?: ValidationArguments) =>
          each ? `${args?.property} must hold ${what} only` : `${args?.property} must be ${what}, got ${JSON.stringify(args?.value)?.slice(0, 60)}`,
      },
    },
    { each },
  );
}

/**
 * A customs office code of the KCS reference list (`@customs/domain`), e.g. `"40"`; 400 names the
 * field. With `{ each: true }`, every item of an array.
 */
export function IsOfficeCode(options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  return check('isOfficeCode', isKnownOfficeCode, each ? 'known customs office codes' : 'a known customs office code', each);
}

/** The desk that works intelligence at the centre: the CBTC (customs border targeting centre). */
export const CBTC_DESK = 'CBTC';

/** True when `value` names a desk: `CBTC`, or a customs office code of the KCS reference list. */
export function isDesk(value: unknown): value is string {
  return value === CBTC_DESK || isKnownOfficeCode(value);
}

/** A desk: `CBTC` or a customs office code of the KCS reference list (e.g. `"40"`); 400 names the field. */
export function IsDesk(): PropertyDecorator {
  return check('isDesk', isDesk, 'CBTC or a known customs office code', false);
}

/** An ISO 3166-1 alpha-2 country code (upper case) or the customs exception `ZZ`, as declarations accept. */
export function IsCountryCode(): PropertyDecorator {
  return check('isCountryCode', isCustomsCountryCode, 'a known ISO 3166-1 alpha-2 country code', false);
}

/**
 * The last day of a period: absent, or not before the object's `fromField` (both ISO dates, so
 * text order is date order). 400 message: `<to> must not be before <from>`.
 */
export function IsNotBefore(fromField: string): PropertyDecorator {
  return ValidateBy({
    name: 'notBeforeFrom',
    validator: {
      validate: (to: unknown, args?: ValidationArguments) => {
        const from = (args?.object as Record<string, unknown> | undefined)?.[fromField];
        return typeof to !== 'string' || typeof from !== 'string' || to >= from;
      },
      defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'to'} must not be before ${fromField}`,
    },
  });
}

/** A real calendar date `YYYY-MM-DD`. */
export function IsCalendarDate(): PropertyDecorator {
  return check('isCalendarDate', isCalendarDate, 'a real date YYYY-MM-DD', false);
}
