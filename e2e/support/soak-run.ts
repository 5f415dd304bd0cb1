import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readDeclarationFile } from '@customs/io';
import { type Declaration } from '@customs/domain';
import { formatFaultReport, runFaultScenario } from './fault-scenario';
import type { FaultStack } from './fault-stack';

/**
 * The soak run: the fault-injection scenario (`runFaultScenario`) over a file of declarations,
 * with the arguments `[--file F] [--declarations N] [--rounds R] [--downtime-ms D]`:
 * ingests the declarations of F (default the bundled 1,000-row KCS sample;
 * `../shared/data/kcs-import-declarations/valid.csv` for the whole valid split) while scripted
 * officers work the cases, and kills -9 and restarts the stack's kill targets in turn, R rounds
 * (default 3), each down for D ms (default 1000). Prints progress, then the counts, the kills and
 * every violated invariant, then one JSON line of the counts.
 * @param startStack the stack to run against (default: the development topology of `startFaultStack`)
 * @param topology its name in the first line (`dev`, `cluster`)
 * @returns 0 when no invariant was violated, 1 otherwise, 2 on bad arguments.
 */
export async function runSoak(argv: string[], startStack?: () => Promise<FaultStack>, topology = 'dev'): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string', default: 'e2e/fixtures/kcs-valid-sample.csv' },
      declarations: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      'downtime-ms': { type: 'string', default: '1000' },
    },
  });
  const limit = values.declarations === undefined ? Infinity : Number(values.declarations);
  const rounds = Number(values.rounds);
  const downtimeMs = Number(values['downtime-ms']);
  if (!(limit > 0) || !Number.isInteger(rounds) || rounds < 1 || !(downtimeMs >= 0)) {
    console.error('arguments: [--file F] [--declarations N>0] [--rounds R>=1] [--downtime-ms D>=0]');
    return 2;
  }
  const declarations: Declaration[] = [];
  const seen = new Set<string>();
  let refused = 0;
  for await (const r of readDeclarationFile(path.resolve(values.file!))) {
    if (!('declaration' in r)) {
      refused += 1;
      continue;
    }
    if (seen.has(r.declaration.declarationId)) continue;
    seen.add(r.declaration.declarationId);
    declarations.push(r.declaration);
    if (declarations.length >= limit) break;
  }
  console.log(`soak: ${declarations.length} declarations from ${values.file} (${refused} invalid rows skipped), ${rounds} kill round(s), ${topology} topology`);
  const report = await runFaultScenario({ declarations, rounds, downtimeMs, startStack, log: (line) => console.log(`soak: ${line}`) });
  console.log(formatFaultReport(report));
  console.log(JSON.stringify({ topology, ...report.counts, violations: report.violations.length }));
  return report.violations.length === 0 ? 0 : 1;
}
