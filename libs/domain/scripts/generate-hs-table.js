#!/usr/bin/env node
/**
 * Regenerates `libs/domain/src/reference/hs2022.generated.json` from the HS 2022 CSV files in
 * `libs/domain/data/hs2022/` (ODC PDDL), so the domain library can read the nomenclature without
 * a file system (browsers, workflow code): `{ "entries": [[code, section, description], ...],
 * "sections": [[id, name], ...] }`, chapters (2 digits), headings (4) and subheadings (6) only,
 * without the statistics bucket of section TOTAL. `hs-nomenclature.spec.ts` checks the committed
 * table equals what the CSV gives.
 *
 * Usage (from the repository root): node libs/domain/scripts/generate-hs-table.js
 * Plain JavaScript on purpose: it runs with `node` alone, without a TypeScript loader.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('csv-parse/sync');

const dataDir = path.join(__dirname, '..', 'data', 'hs2022');
const read = (file) => parse(fs.readFileSync(path.join(dataDir, file), 'utf8'), { bom: true, columns: true, skip_empty_lines: true });
const entries = read('harmonized-system.csv')
  .filter((r) => (r.level === '2' || r.level === '4' || r.level === '6') && r.section !== 'TOTAL')
  .map((r) => [r.hscode, r.section, r.description]);
const sections = read('sections.csv').filter((r) => r.section && r.name).map((r) => [r.section, r.name]);
const out = path.join(__dirname, '..', 'src', 'reference', 'hs2022.generated.json');
fs.writeFileSync(out, JSON.stringify({ entries, sections }) + '\n');
console.log(`${path.relative(process.cwd(), out)}: ${entries.length} codes, ${sections.length} sections`);
