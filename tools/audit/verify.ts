import { Client } from 'pg';
import { loadRuntimeConfig } from '@customs/config';
import { verifyAuditChains, type ChainReport } from '@customs/persistence';
import { runningStackEnv } from '../stack/running-stack';

/**
 * `npm run audit:verify [-- --json]`: walks the hash chains of `decision_record`, `case_event`
 * and `risk_case_event` in `DATABASE_URL`, else in the database of the stack `npm start` runs
 * (`runningStackEnv`) (read-only), recomputing every row's hash, and prints
 * per chain the rows verified and the head (`chain_seq` and hash; note it to detect later
 * removal of rows at the end), or the first missing or altered row. `--json`: the reports as
 * one JSON array instead. Exits 0 when every chain is intact, 1 when one is not.
 */
async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const client = new Client({ connectionString: loadRuntimeConfig(runningStackEnv()).databaseUrl });
  await client.connect();
  let reports: ChainReport[];
  try {
    reports = await verifyAuditChains(client);
  } finally {
    await client.end();
  }
  const broken = reports.filter((r) => !r.ok);
  if (json) {
    console.log(JSON.stringify(reports));
  } else {
    const width = Math.max(...reports.map((r) => r.table.length));
    for (const r of reports) {
      const head = r.head ? `head chain_seq ${r.head.chainSeq} ${r.head.rowHash}` : 'empty';
      console.log(`audit: ${r.table.padEnd(width)} ${String(r.rows).padStart(8)} rows verified  ${r.ok ? `intact, ${head}` : `BROKEN: ${r.problem?.message}`}`);
    }
    const total = reports.reduce((n, r) => n + r.rows, 0);
    console.log(broken.length === 0
      ? `audit: all ${reports.length} chains intact (${total} rows)`
      : `audit: ${broken.length} of ${reports.length} chains broken`);
  }
  return broken.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(`audit: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
