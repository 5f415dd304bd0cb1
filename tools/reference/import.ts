import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { loadRuntimeConfig } from '@customs/config';
import { runningStackEnv } from '../stack/running-stack';
import { parseReferenceCsv } from '@customs/io';
import { dataSourceOptions, ReferenceCodeRepository } from '@customs/persistence';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const USAGE = 'usage: npm run reference:import -- <file.csv> [--valid-from YYYY-MM-DD]   (CSV header: list,code[,label])';

/**
 * `npm run reference:import -- <file.csv> [--valid-from YYYY-MM-DD]`: writes a new version of each
 * reference list the file names (`parseReferenceCsv`: header `list,code,label`, a list's complete
 * codes) into `reference_code` of `DATABASE_URL` (default: the running `npm start` stack's, `runningStackEnv`), in one transaction. A list whose codes and labels
 * equal its newest version is left alone (re-importing a file writes nothing). `--valid-from`:
 * first day the versions apply (default today, UTC). A file with any bad row writes nothing and
 * exits 1, naming every bad row; exit 2 on a usage or database error.
 */
async function main(args: string[]): Promise<number> {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--valid-from');
  const at = args.indexOf('--valid-from');
  const validFrom = at >= 0 ? args[at + 1] : new Date().toISOString().slice(0, 10);
  if (!file || validFrom === undefined || !ISO_DATE.test(validFrom) || Number.isNaN(Date.parse(validFrom))) {
    console.error(USAGE);
    return 2;
  }
  const read = parseReferenceCsv(readFileSync(file, 'utf8'));
  if (!read.ok) {
    for (const e of read.errors) console.error(`reference: ${file}: ${e}`);
    console.error(`reference: ${read.errors.length} problem(s); nothing was imported`);
    return 1;
  }
  const db = new DataSource(dataSourceOptions(loadRuntimeConfig(runningStackEnv()).databaseUrl, 2));
  await db.initialize();
  try {
    await db.transaction(async (tx) => {
      const repo = new ReferenceCodeRepository(tx);
      for (const [list, codes] of read.lists) {
        const newest = await repo.find(list);
        if (newest && JSON.stringify(newest.codes) === JSON.stringify(codes)) {
          console.log(`reference: ${list} unchanged (version ${newest.version}, ${codes.length} codes)`);
          continue;
        }
        const version = await repo.appendVersion(list, codes, validFrom, basename(file));
        const before = new Set(newest?.codes.map((c) => c.code) ?? []);
        const added = codes.filter((c) => !before.has(c.code)).length;
        const removed = (newest?.codes.length ?? 0) - (codes.length - added);
        console.log(`reference: ${list} version ${version}: ${codes.length} codes (${added} added, ${removed} removed), valid from ${validFrom}`);
      }
    });
  } finally {
    await db.destroy();
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(`reference: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
