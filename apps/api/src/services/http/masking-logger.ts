import { ConsoleLogger } from '@nestjs/common';

/** Fields holding personal or commercial identifiers (declaration parties, intelligence subjects, users). */
export const PERSONAL_ID_FIELDS = [
  'importerId', 'declarantId', 'sellerId', 'courierId', 'passportNumber', 'businessNumber', 'username', 'password', 'officerId', 'assigneeId',
] as const;

const FIELDS = PERSONAL_ID_FIELDS.join('|');
/** `"importerId": "ABC"` (JSON, as in a logged body or an error detail) and `importerId=ABC` (key=value text). */
const JSON_FIELD = new RegExp(`("(?:${FIELDS})"\\s*:\\s*")([^"\\\\]*)(")`, 'g');
const KEY_VALUE_FIELD = new RegExp(`\\b((?:${FIELDS})=)([^\\s,;&)]+)`, 'g');
/** A bearer credential or any compact JWS (three base64url parts, the first a JSON header). */
const BEARER = /\b(Bearer\s+)[A-Za-z0-9\-_.~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** `AB***`: the first two characters of an identifier (enough to tell log lines apart), never the whole. */
function maskValue(value: string): string {
  return value.length <= 2 ? '***' : `${value.slice(0, 2)}***`;
}

/**
 * `text` with personal identifiers masked: values of the {@link PERSONAL_ID_FIELDS} written as
 * JSON members or `key=value` keep their first two characters (`"importerId":"SH***"`), bearer
 * tokens and JWTs become `***`.
 */
export function maskPersonalIdentifiers(text: string): string {
  return text
    .replace(JSON_FIELD, (_m, head: string, value: string, tail: string) => `${head}${maskValue(value)}${tail}`)
    .replace(KEY_VALUE_FIELD, (_m, head: string, value: string) => `${head}${maskValue(value)}`)
    .replace(BEARER, '$1***')
    .replace(JWT, '***');
}

function mask(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalIdentifiers(value);
  if (value instanceof Error) {
    const copy = new Error(maskPersonalIdentifiers(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : maskPersonalIdentifiers(value.stack);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.parse(maskPersonalIdentifiers(JSON.stringify(value)));
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * The API's logger: Nest's console logger with {@link maskPersonalIdentifiers} applied to
 * every message and argument (error stacks included), so identifiers echoed by an error
 * (a database detail, a request body) never reach the log in full.
 */
export class MaskingLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    super.log(mask(message), ...rest.map(mask));
  }
  override error(message: unknown, ...rest: unknown[]): void {
    super.error(mask(message), ...rest.map(mask));
  }
  override warn(message: unknown, ...rest: unknown[]): void {
    super.warn(mask(message), ...rest.map(mask));
  }
  override debug(message: unknown, ...rest: unknown[]): void {
    super.debug(mask(message), ...rest.map(mask));
  }
  override verbose(message: unknown, ...rest: unknown[]): void {
    super.verbose(mask(message), ...rest.map(mask));
  }
  override fatal(message: unknown, ...rest: unknown[]): void {
    super.fatal(mask(message), ...rest.map(mask));
  }
}
