/** Fields holding personal or commercial identifiers (declaration parties, intelligence subjects, users). */
export const PERSONAL_ID_FIELDS = [
  'importerId', 'declarantId', 'sellerId', 'courierId', 'passportNumber', 'businessNumber', 'username', 'password', 'officerId', 'assigneeId',
] as const;

const FIELDS = PERSONAL_ID_FIELDS.join('|');
/** `"importerId": "ABC"` (JSON, as in a logged body or an error detail) and `importerId=ABC` (key=value text). */
const JSON_FIELD = new RegExp(`("(?:${FIELDS})"\\s*:\\s*")([^"\\\\]*)(")`, 'g');
/** The same JSON member inside a JSON string, its quotes escaped: `\"importerId\":\"ABC\"` (a message quoting a body, in a JSON log line). */
const ESCAPED_JSON_FIELD = new RegExp(`(\\\\"(?:${FIELDS})\\\\"\\s*:\\s*\\\\")([^"\\\\]*)(\\\\")`, 'g');
const KEY_VALUE_FIELD = new RegExp(`\\b((?:${FIELDS})=)([^\\s,;&)"\\\\]+)`, 'g');
/** A bearer credential or any compact JWS (three base64url parts, the first a JSON header). */
const BEARER = /\b(Bearer\s+)[A-Za-z0-9\-_.~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** `AB***`: the first two characters of an identifier (enough to tell log lines apart), never the whole. */
function maskValue(value: string): string {
  return value.length <= 2 ? '***' : `${value.slice(0, 2)}***`;
}

/**
 * `text` with personal identifiers masked: values of the {@link PERSONAL_ID_FIELDS} written as
 * JSON members (plain or inside an escaped JSON string) or `key=value` keep their first two
 * characters (`"importerId":"SH***"`), bearer tokens and JWTs become `***`. Applied to every
 * log line the API and the worker write (see `createLogger`).
 */
export function maskPersonalIdentifiers(text: string): string {
  return text
    .replace(JSON_FIELD, (_m, head: string, value: string, tail: string) => `${head}${maskValue(value)}${tail}`)
    .replace(ESCAPED_JSON_FIELD, (_m, head: string, value: string, tail: string) => `${head}${maskValue(value)}${tail}`)
    .replace(KEY_VALUE_FIELD, (_m, head: string, value: string) => `${head}${maskValue(value)}`)
    .replace(BEARER, '$1***')
    .replace(JWT, '***');
}
