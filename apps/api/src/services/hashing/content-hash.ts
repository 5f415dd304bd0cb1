import stableStringify from 'fast-json-stable-stringify';
import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a JSON value in canonical form (keys sorted at every depth,
 * `fast-json-stable-stringify`): equal content gives an equal hash whatever the key order, so a
 * re-sent record is told from a conflicting one (express waybills, APIS records, PNRs).
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}
