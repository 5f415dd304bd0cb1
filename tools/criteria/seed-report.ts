/**
 * Reports how the seed criteria in `rules/` behave on the KCS data: share of rows on
 * which any criterion fires, and per criterion the number of rows fired and the hit rate
 * (share of Fraud == 1 among them). The labels are read ONLY to report; they never reach
 * the engine (the Declaration built here has no label fields).
 *
 * Run (from the repository root): SWC_NODE_PROJECT=tsconfig.json node -r @swc-node/register \
 *        tools/criteria/seed-report.ts [train.csv valid.csv ...]   (names in ../shared/data/kcs-import-declarations, or paths)
 */
import * as path from 'node:path';
import type { Declaration } from '@customs/domain';
import { loadCriteriaFromDir, readDeclarationFile, type InspectionLabels } from '@customs/io';
import { SelectivityEngine } from '@customs/selectivity';

const DATA = path.resolve(__dirname, '../../../shared/data');

/** The labelled declarations of a KCS file (rows the reader refuses are left out and counted). */
async function readLabelled(file: string): Promise<{ rows: Array<{ declaration: Declaration; fraud: number }>; refused: number }> {
  const rows: Array<{ declaration: Declaration; fraud: number }> = [];
  let refused = 0;
  for await (const r of readDeclarationFile(file)) {
    if ('declaration' in r) rows.push({ declaration: r.declaration, fraud: (r.labels as InspectionLabels | undefined)?.fraud ?? 0 });
    else refused++;
  }
  return { rows, refused };
}

async function main(): Promise<void> {
  const rulesDir = path.resolve(__dirname, '../../rules');
  const criteria = loadCriteriaFromDir(rulesDir);
  const engine = SelectivityEngine.compile(criteria);
  const files = process.argv.slice(2).length ? process.argv.slice(2) : ['train.csv', 'valid.csv'];
  for (const name of files) {
    const { rows, refused } = await readLabelled(path.isAbsolute(name) ? name : path.join(DATA, 'kcs-import-declarations', name));
    const per = new Map<string, { n: number; fraud: number }>(criteria.map((c) => [c.id, { n: 0, fraud: 0 }]));
    let firedRows = 0;
    let firedFraud = 0;
    let red = 0;
    const base = rows.filter((r) => r.fraud === 1).length / rows.length;
    const t0 = Date.now();
    for (const r of rows) {
      const result = await engine.evaluate(r.declaration);
      const fraud = r.fraud;
      if (result.fired.length) {
        firedRows++;
        firedFraud += fraud;
      }
      if (result.lane === 'RED') red++;
      for (const f of result.fired) {
        const s = per.get(f.id)!;
        s.n++;
        s.fraud += fraud;
      }
    }
    const ms = Date.now() - t0;
    console.log(`\n## ${name}: ${rows.length} rows (${refused} refused by the reader), base fraud rate ${(100 * base).toFixed(1)}%, ${(rows.length / (ms / 1000)).toFixed(0)} decl/s`);
    console.log(`fired on ${firedRows} rows = ${((100 * firedRows) / rows.length).toFixed(1)}% (RED ${((100 * red) / rows.length).toFixed(1)}%), hit rate ${((100 * firedFraud) / Math.max(1, firedRows)).toFixed(1)}%`);
    console.log('| criterion | lane | rows fired | share % | hit rate % |\n| --- | --- | --- | --- | --- |');
    for (const c of criteria) {
      const s = per.get(c.id)!;
      console.log(`| ${c.id} | ${c.lane} | ${s.n} | ${((100 * s.n) / rows.length).toFixed(2)} | ${s.n ? ((100 * s.fraud) / s.n).toFixed(1) : '-'} |`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
