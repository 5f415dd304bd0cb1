import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotateErrors, readExpressManifestFile } from './express-manifest-file';

const SAMPLE = join(__dirname, '../../e2e/fixtures/express-manifest-sample.json');

describe('express manifest file', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'express-file-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('takes the manifest out of a tools/synthetic file', () => {
    const read = readExpressManifestFile(SAMPLE);
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    expect(read.manifest).toEqual(sample.manifest);
    expect(read.manifestId).toBe('KE0852-20261201-40');
    expect(read.waybillNumbers).toHaveLength(500);
    expect(read.waybillNumbers[0]).toBe(sample.manifest.waybills[0].waybillNumber);
  });

  it('reads a bare manifest (with a BOM), and leaves its checking to the API', () => {
    const manifest = { manifestId: 'M-1', waybills: [{ waybillNumber: 'AB12345678' }, { quantity: 1 }, 'junk'] };
    const read = readExpressManifestFile(write('bare.json', `\uFEFF${JSON.stringify(manifest)}`));
    expect(read).toEqual({ manifest, manifestId: 'M-1', waybillNumbers: ['AB12345678', null, null] });
  });

  it('refuses a file that is not JSON or holds no manifest, naming it', () => {
    const notJson = write('broken.json', '{"manifestId": ');
    expect(() => readExpressManifestFile(notJson)).toThrow(`${notJson} is not a JSON file`);
    const noWaybills = write('none.json', JSON.stringify({ manifest: { manifestId: 'M-1' } }));
    expect(() => readExpressManifestFile(noWaybills)).toThrow('holds no express manifest');
    expect(() => readExpressManifestFile(write('list.json', '[]'))).toThrow('holds no express manifest');
  });

  it('names the waybill number beside each error on a waybill row', () => {
    expect(annotateErrors(['waybills[1].grossWeightKg must be > 0, got -3', 'voyage: required', 'waybills[9].quantity bad'], ['A1', 'B2', null])).toEqual([
      'waybills[1].grossWeightKg must be > 0, got -3 (waybill B2)',
      'voyage: required',
      'waybills[9].quantity bad',
    ]);
  });
});
