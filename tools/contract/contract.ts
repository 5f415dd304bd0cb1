/**
 * First step of `npm run contract` (tools/stack/stack.mjs `contract`): writes
 * `apps/api/src/contract/response-schemas.generated.json` from the response types listed in
 * `apps/api/src/contract/responses.ts`. The second step, the client types of
 * `libs/api-contract/src/openapi.generated.ts`, needs the API running with those schemas: the
 * launcher does it on a temporary stack.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateResponseSchemas, RESPONSE_SCHEMAS_FILE } from '@customs/api-contract/codegen';

const ROOT = path.resolve(__dirname, '../..');

const schemas = generateResponseSchemas(ROOT);
fs.writeFileSync(path.join(ROOT, RESPONSE_SCHEMAS_FILE), `${JSON.stringify(schemas, null, 2)}\n`);
console.log(`${RESPONSE_SCHEMAS_FILE}: ${Object.keys(schemas).length} schemas`);
