/**
 * `npm run contract`: regenerates the API contract.
 * 1. `apps/api/src/contract/response-schemas.generated.json` from the response types listed in
 *    `apps/api/src/contract/responses.ts` (no stack needed);
 * 2. with `--client` and a running API (`npm start`; API_URL or PORT, default
 *    http://127.0.0.1:3000): `libs/api-contract/src/openapi.generated.ts` from its `/api/docs-json`.
 * Restart the API between the two when the response schemas changed, so its document has them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderContract, generateResponseSchemas, RESPONSE_SCHEMAS_FILE } from '@customs/api-contract/codegen';

const ROOT = path.resolve(__dirname, '../..');
const CLIENT_FILE = 'libs/api-contract/src/openapi.generated.ts';

async function main(): Promise<void> {
  const schemas = generateResponseSchemas(ROOT);
  fs.writeFileSync(path.join(ROOT, RESPONSE_SCHEMAS_FILE), `${JSON.stringify(schemas, null, 2)}\n`);
  console.log(`${RESPONSE_SCHEMAS_FILE}: ${Object.keys(schemas).length} schemas`);
  if (!process.argv.includes('--client')) return;
  const api = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const res = await fetch(`${api}/api/docs-json`);
  if (!res.ok) throw new Error(`${api}/api/docs-json answered ${res.status}: is the stack running (npm start)?`);
  fs.writeFileSync(path.join(ROOT, CLIENT_FILE), await renderContract((await res.json()) as object));
  console.log(`${CLIENT_FILE}: from ${api}/api/docs-json`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
