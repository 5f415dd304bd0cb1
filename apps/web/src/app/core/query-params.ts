/**
 * A query object as URL query parameters: every value as a string, leaving out `undefined`,
 * `null` and `''` (an empty filter means "all"); `0` and `false` are kept.
 * @example queryParams({ officeId: '40', status: '', limit: 50, offset: 0 }) // { officeId: '40', limit: '50', offset: '0' }
 */
export function queryParams(query: object): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params[key] = String(value);
  }
  return params;
}
