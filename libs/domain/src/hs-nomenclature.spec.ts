import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HS2017_RENUMBERED, HsNomenclature } from './hs-nomenclature';

const DATA = join(__dirname, '..', 'data', 'hs2022');

describe('HsNomenclature', () => {
  const hs = HsNomenclature.default();

  it('loads once, from the generated table', () => {
    expect(HsNomenclature.default()).toBe(hs);
    expect(hs.size).toBeGreaterThan(6900);
  });

  it('has a generated table equal to the CSV files it is generated from (node libs/domain/scripts/generate-hs-table.js)', () => {
    const fromCsv = HsNomenclature.fromCsv(readFileSync(join(DATA, 'harmonized-system.csv'), 'utf8'), readFileSync(join(DATA, 'sections.csv'), 'utf8'));
    expect(fromCsv).toEqual(hs);
  });

  it('knows HS 2022 subheadings and describes them', () => {
    expect(hs.isKnown('010121')).toBe(true);
    expect(hs.describe('010121')).toBe('Horses; live, pure-bred breeding animals');
    expect(hs.subheading('010121')?.section).toBe('I');
  });

  it('accepts HS 2017 codes whose heading exists, describing them by the heading', () => {
    for (const code of ['940540', '851770', '854140']) expect(hs.isKnown(code)).toBe(true);
    expect(hs.subheading('940540')).toBeNull();
    expect(hs.describe('940540')).toMatch(/^Luminaires and light fittings/);
    expect(hs.describe('854140')).toMatch(/^Semiconductor devices/);
  });

  it('accepts HS 2017 heading 8803 (moved to 8807) through the renumbering table', () => {
    expect(hs.heading('880330')).toBeNull();
    expect(hs.isKnown('880330')).toBe(true);
    expect(hs.describe('880330')).toBe(hs.describe(HS2017_RENUMBERED['880330']));
    expect(hs.describe('880330')).toMatch(/^Aircraft and spacecraft; parts/);
  });

  it('falls back to the chapter description when neither subheading nor heading exists', () => {
    expect(hs.isKnown('880399')).toBe(false);
    expect(hs.describe('880399')).toBe('Aircraft, spacecraft, and parts thereof');
  });

  it('rejects unknown and malformed codes', () => {
    for (const code of ['999999', '000000', '77', '8517', '85177', '8517700', '85177a', ' 85177', '']) {
      expect(hs.isKnown(code)).toBe(false);
    }
    expect(hs.describe('999999')).toBeNull();
    expect(hs.describe('85177')).toBeNull();
  });

  it('gives chapter, heading and section helpers', () => {
    expect(hs.chapter('851770')?.code).toBe('85');
    expect(hs.heading('851770')?.code).toBe('8517');
    expect(hs.section('851770')).toEqual({ id: 'XVI', name: expect.stringMatching(/electrical/i) });
    expect(hs.chapter('9')).toBeNull();
  });

  it('builds from CSV text with a BOM', () => {
    const small = HsNomenclature.fromCsv('\uFEFFsection,hscode,description,parent,level\nI,01,Animals,TOTAL,2\nI,0101,Horses,01,4\n');
    expect(small.isKnown('010199')).toBe(true);
    expect(small.describe('010199')).toBe('Horses');
    expect(small.describe('010299')).toBe('Animals');
  });
});

describe('HsNomenclature.knownCodePattern', () => {
  it('matches exactly the six-digit codes isKnown accepts (all one million of them)', () => {
    const hs = HsNomenclature.default();
    const pattern = new RegExp(hs.knownCodePattern());
    let disagree = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const code = String(i).padStart(6, '0');
      if (pattern.test(code) !== hs.isKnown(code)) disagree++;
    }
    expect(disagree).toBe(0);
    expect(pattern.test('760711')).toBe(true);
    expect(pattern.test('7607111')).toBe(false);
  });
});
