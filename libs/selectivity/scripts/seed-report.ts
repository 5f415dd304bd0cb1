/**
 * Reports how the seed criteria in `rules/` behave on the KCS data: share of rows on
 * which any criterion fires, and per criterion the number of rows fired and the hit rate
 * (share of Fraud == 1 among them). The labels are read ONLY to report; they never reach
 * the engine (the Declaration built here has no label fields).
 *
 * Run: cd /work/main && SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register \
 *        libs/selectivity/scripts/seed-report.ts [train.csv valid.csv ...]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Declaration } from '@customs/domain';
import { loadCriteriaFromDir } from '@customs/io';
import { SelectivityEngine } from '@customs/selectivity';

const DATA = path.resolve(__dirname, '../../../../shared/data');

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

function readCsv(file: string): Record<string, string>[] {
  const [head, ...body] = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  return body.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const hs = new Map(readCsv(path.join(DATA, 'hs2022/harmonized-system.csv')).map((r) => [r.hscode, r.description]));
const describe = (code: string) => hs.get(code) ?? hs.get(code.slice(0, 4)) ?? hs.get(code.slice(0, 2)) ?? '';

function toDeclaration(r: Record<string, string>): Declaration {
  return {
    declarationId: r['Declaration ID'],
    date: r['Date'],
    officeId: r['Office ID'],
    processType: r['Process Type'],
    importType: r['Import Type'],
    importUse: r['Import Use'],
    paymentType: r['Payment Type'],
    transportMode: r['Mode of Transport'],
    declarantId: r['Declarant ID'],
    importerId: r['Importer ID'],
    sellerId: r['Seller ID'] || null,
    courierId: r['Courier ID'] || null,
    hsCode: r['HS6 Code'],
    departureCountry: r['Country of Departure'],
    originCountry: r['Country of Origin'],
    taxRate: Number(r['Tax Rate']),
    taxType: r['Tax Type'],
    originIndicator: r['Country of Origin Indicator'],
    netMassKg: Number(r['Net Mass'] ?? r['Net Mass (kg)']),
    itemPriceKrw: Number(r['Item Price'] ?? r['Item Price (KRW)']),
    goodsDescription: describe(r['HS6 Code']),
  };
}

async function main(): Promise<void> {
  const rulesDir = path.resolve(__dirname, '../../../rules');
  const criteria = loadCriteriaFromDir(rulesDir);
  const engine = SelectivityEngine.compile(criteria);
  const files = process.argv.slice(2).length ? process.argv.slice(2) : ['train.csv', 'valid.csv'];
  for (const name of files) {
    const rows = readCsv(path.join(DATA, 'kcs-import-declarations', name));
    const per = new Map<string, { n: number; fraud: number }>(criteria.map((c) => [c.id, { n: 0, fraud: 0 }]));
    let firedRows = 0;
    let firedFraud = 0;
    let red = 0;
    const base = rows.filter((r) => r['Fraud'] === '1').length / rows.length;
    const t0 = Date.now();
    for (const r of rows) {
      const result = await engine.evaluate(toDeclaration(r));
      const fraud = r['Fraud'] === '1' ? 1 : 0;
      if (result.fired.length) (firedRows++, (firedFraud += fraud));
      if (result.lane === 'RED') red++;
      for (const f of result.fired) {
        const s = per.get(f.id)!;
        s.n++;
        s.fraud += fraud;
      }
    }
    const ms = Date.now() - t0;
    console.log(`\n## ${name}: ${rows.length} rows, base fraud rate ${(100 * base).toFixed(1)}%, ${(rows.length / (ms / 1000)).toFixed(0)} decl/s`);
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
