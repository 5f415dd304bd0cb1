import * as path from 'node:path';
import { login } from '../auth/login';
import { ensureApprovedCriteria } from '../criteria/approved-criteria';
import { Credential } from '../ingest/credential';
import { postExpressManifest } from '../ingest/express-ingest';
import { readExpressManifestFile } from '../ingest/express-manifest-file';
import { EXPRESS_DEMO_CRITERIA } from './express-demo-criteria';

/**
 * The express part of `npm start`'s demo load (tools/stack/stack.mjs up, after the declarations):
 *
 *   node -r @swc-node/register tools/stack/express-demo.ts [manifest.json]
 *
 * 1. the demo express criteria (`EXPRESS_DEMO_CRITERIA`: counterfeit brands RED, split shipments
 *    and cover goods YELLOW) written by analyst-kim and approved by analyst-lee through the API,
 *    each only when it has no approved version yet;
 * 2. the synthetic sample manifest (default `e2e/fixtures/express-manifest-sample.json`: 500
 *    waybills for logistics centre 40) screened as the ingest service, so that the X-ray queue of
 *    centre 40 has items and the counterfeits are inspection cases.
 * Safe on every restart: existing criteria are left alone and a re-sent manifest is answered from
 * the stored selections (all duplicates, no new case). Prints one line per step.
 * Environment: `API_URL` (default `http://127.0.0.1:$PORT`, port 3000). Exits 1 when a step fails.
 */
async function main(): Promise<void> {
  const api = (process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  const file = process.argv[2] ?? path.resolve(__dirname, '../../e2e/fixtures/express-manifest-sample.json');
  const [maker, checker] = await Promise.all(['analyst-kim', 'analyst-lee'].map((u) => login(api, u, `${u}-demo`)));
  const ensured = await ensureApprovedCriteria(api, maker.accessToken, checker.accessToken, EXPRESS_DEMO_CRITERIA);
  const changed = [...ensured.created, ...ensured.approved];
  say(`express criteria: ${changed.length > 0 ? `${changed.join(', ')} approved now` : 'none new'}${ensured.existing.length > 0 ? `; ${ensured.existing.join(', ')} in place already` : ''}`);
  if (changed.length > 0) await new Promise((r) => setTimeout(r, 2500)); // the API's screening engine picks up approvals within 2 s

  const read = readExpressManifestFile(file);
  const outcome = await postExpressManifest(api, new Credential(api), read.manifest);
  if (outcome.kind === 'refused') throw new Error(`manifest ${read.manifestId} refused (HTTP ${outcome.status}): ${outcome.errors.length > 0 ? outcome.errors.join('; ') : outcome.message}`);
  const s = outcome.summary;
  say(
    `express manifest ${s.manifestId} (${path.relative(process.cwd(), file)}): ${s.received} waybills, ${s.release} release, ${s.xrayFlagged} X-ray flagged, ` +
      `${s.intrusiveInspection} intrusive inspection${s.duplicates === s.received ? ' (screened before)' : `, ${s.casesStarted} cases started`}; ` +
      `X-ray queue of centre ${String(read.manifest.logisticsCentreId)} at /xray`,
  );
}

function say(line: string): void {
  process.stdout.write(`express demo: ${line}\n`);
}

main().catch((err) => {
  process.stderr.write(`express demo failed: ${(err as Error).message}\n`);
  process.exit(1);
});
