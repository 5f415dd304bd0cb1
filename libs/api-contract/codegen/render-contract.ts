import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

/** Written at the top of the generated file. */
const BANNER = `/**
 * The API's contract for TypeScript clients, generated from its OpenAPI document
 * (\`GET /api/docs-json\`) by openapi-typescript: do not edit. Regenerate with \`npm run contract\`
 * against a running stack; \`npm test\` fails when this file and the running API's document differ.
 */
`;

/** openapi-typescript's command line (an ES module: run by Node itself, not through the test runner's CommonJS loader). */
const CLI = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');

/**
 * The TypeScript declarations of an OpenAPI document (`paths`, `components`, `operations`), as
 * the web app imports them from `@customs/api-contract`, by the openapi-typescript CLI
 * (alphabetised, so the output depends on the document only).
 *
 * @param document the OpenAPI 3.0 document as JSON (the API's `/api/docs-json`).
 * @returns the source text of `libs/api-contract/src/openapi.generated.ts`.
 * @throws Error with the CLI's message when the document is not valid OpenAPI.
 */
export async function renderContract(document: object): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-contract-'));
  try {
    const input = path.join(dir, 'openapi.json');
    const output = path.join(dir, 'openapi.ts');
    fs.writeFileSync(input, JSON.stringify(document));
    await promisify(execFile)(process.execPath, [CLI, input, '--output', output, '--alphabetize'], { timeout: 120_000 });
    return `${BANNER}${fs.readFileSync(output, 'utf8')}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
