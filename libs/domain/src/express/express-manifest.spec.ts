import { MAX_REPORTED_PROBLEMS, MAX_WAYBILLS_PER_MANIFEST, validateExpressManifest } from './express-manifest';
import { sampleExpressManifest, sampleWaybill } from './express-manifest.mock';

/** The errors of validating `input`, `[]` when valid. */
function errorsOf(input: unknown): string[] {
  const result = validateExpressManifest(input);
  return result.ok ? [] : result.errors;
}

/** The errors of the sample manifest with one manifest field replaced (`undefined` deletes it). */
function manifestErrorsWith(field: string, value: unknown): string[] {
  const input: Record<string, unknown> = { ...sampleExpressManifest() };
  if (value === undefined) delete input[field];
  else input[field] = value;
  return errorsOf(input);
}

/** The errors of the sample manifest with one field of its first waybill replaced (`undefined` deletes it). */
function waybillErrorsWith(field: string, value: unknown): string[] {
  const manifest = sampleExpressManifest();
  const waybill: Record<string, unknown> = { ...manifest.waybills[0] };
  if (value === undefined) delete waybill[field];
  else waybill[field] = value;
  return errorsOf({ ...manifest, waybills: [waybill, manifest.waybills[1]] });
}

describe('validateExpressManifest', () => {
  it('accepts a valid manifest and returns a fresh copy', () => {
    const input = sampleExpressManifest();
    const result = validateExpressManifest(input);
    expect(result).toEqual({ ok: true, value: input });
    if (result.ok) {
      expect(result.value).not.toBe(input);
      expect(result.value.waybills[0]).not.toBe(input.waybills[0]);
    }
  });

  it('accepts JSON round-tripped input, SEA manifests and business consignees', () => {
    const sea = { ...sampleExpressManifest(), transportMode: 'SEA', voyage: '2612E-01' };
    sea.waybills[0].consigneeId = '1208147521';
    expect(errorsOf(JSON.parse(JSON.stringify(sea)))).toEqual([]);
  });

  it('rejects non-objects and class instances', () => {
    for (const input of [null, undefined, 42, 'x', [sampleExpressManifest()], new Date()]) {
      expect(errorsOf(input)[0]).toMatch(/^manifest must be (an|a plain) object/);
    }
  });

  it('reports every missing field by name and unknown properties', () => {
    expect(errorsOf({})).toEqual([
      'manifestId is required', 'transportMode is required', 'voyage is required', 'arrivalAt is required',
      'logisticsCentreId is required', 'waybills is required',
    ]);
    expect(manifestErrorsWith('risk', 1)).toEqual(['property risk should not exist']);
    expect(waybillErrorsWith('fraud', 1)).toEqual(['property waybills[0].fraud should not exist']);
    expect(waybillErrorsWith('consigneeId', undefined)).toEqual(['waybills[0].consigneeId is required']);
  });

  describe('manifest fields', () => {
    it.each([
      ['transportMode', 'RAIL', 'transportMode must be one of AIR, SEA: RAIL'],
      ['voyage', 'ke852', 'voyage must be a flight or voyage number'],
      ['voyage', 'HMM2612-E', 'voyage must be a flight number when transportMode is AIR: HMM2612-E'],
      ['arrivalAt', '2026-12-01', 'arrivalAt must be an ISO 8601 UTC date-time'],
      ['arrivalAt', '2026-12-01T06:30:00+09:00', 'arrivalAt must be an ISO 8601 UTC date-time'],
      ['arrivalAt', '2026-02-30T06:30:00Z', 'arrivalAt must be a real calendar date: 2026-02-30T06:30:00Z'],
      ['arrivalAt', '2026-12-01T24:00:00Z', 'arrivalAt must be an ISO 8601 UTC date-time'],
      ['logisticsCentreId', '040', 'logisticsCentreId must be a customs office code (2-3 digits, no leading zero): 040'],
      ['logisticsCentreId', 40, 'logisticsCentreId must be a string, got 40'],
      ['manifestId', 'A B', 'manifestId must be 1-35 letters, digits or hyphens'],
      ['waybills', [], 'waybills must not be empty'],
      ['waybills', 'none', 'waybills must be an array, got none'],
    ])('rejects %s = %p', (field, value, message) => {
      const errors = manifestErrorsWith(field, value);
      expect(errors).toHaveLength(1);
      expect(errors[0].startsWith(message)).toBe(true);
    });

    it.each(['2026-12-01T06:30Z', '2026-12-01T06:30:00Z', '2026-12-01T06:30:00.123Z'])('accepts the date-time %p', (v) => {
      expect(manifestErrorsWith('arrivalAt', v)).toEqual([]);
    });

    it(`rejects more than ${MAX_WAYBILLS_PER_MANIFEST} waybills without checking each`, () => {
      const manifest = sampleExpressManifest(1);
      manifest.waybills = Array.from({ length: MAX_WAYBILLS_PER_MANIFEST + 1 }, () => manifest.waybills[0]);
      expect(errorsOf(manifest)).toEqual([`waybills must have at most ${MAX_WAYBILLS_PER_MANIFEST} elements, got ${MAX_WAYBILLS_PER_MANIFEST + 1}`]);
    });

    it(`accepts ${MAX_WAYBILLS_PER_MANIFEST} waybills`, () => {
      expect(errorsOf(sampleExpressManifest(MAX_WAYBILLS_PER_MANIFEST))).toEqual([]);
    });
  });

  describe('waybill fields', () => {
    it.each([
      ['waybillNumber', 'EX123', 'must be 8-20 letters or digits'],
      ['waybillNumber', 'EX-12345678', 'must be 8-20 letters or digits'],
      ['courierId', '', 'must be 1-20 letters or digits'],
      ['shipperName', '   ', 'must not be blank'],
      ['shipperName', 'ACME\nLTD', 'must not contain control characters'],
      ['shipperCountry', 'cn', 'must be an ISO 3166-1 alpha-2 country code: cn'],
      ['originCountry', 'XX', 'must be an ISO 3166-1 alpha-2 country code: XX'],
      ['originCountry', 'CHN', 'must be an ISO 3166-1 alpha-2 country code: CHN'],
      ['consigneeId', 'P12345678901', 'must be a personal customs clearance code'],
      ['consigneeId', '123-45-67890', 'must be a personal customs clearance code'],
      ['quantity', 0, 'must be between 1 and 1000000 pieces: 0'],
      ['quantity', 1.5, 'must be an integer (pieces): 1.5'],
      ['grossWeightKg', 0, 'must be greater than 0 and at most 70000 kg: 0'],
      ['grossWeightKg', -1, 'must be greater than 0 and at most 70000 kg: -1'],
      ['grossWeightKg', 70000.5, 'must be greater than 0 and at most 70000 kg: 70000.5'],
      ['grossWeightKg', NaN, 'must be a finite number (kg): NaN'],
      ['grossWeightKg', '1.2', 'must be a number (kg), got the string "1.2"'],
      ['declaredValueUsd', -0.01, 'must be between 0 and 10000000 USD: -0.01'],
      ['declaredValueUsd', 10_000_001, 'must be between 0 and 10000000 USD: 10000001'],
      ['declaredValueUsd', Infinity, 'must be a finite number (USD): Infinity'],
      ['declaredValueUsd', null, 'must be a number (USD), got null'],
    ])('rejects %s = %p', (field, value, message) => {
      const errors = waybillErrorsWith(field, value);
      expect(errors).toHaveLength(1);
      expect(errors[0].startsWith(`waybills[0].${field} ${message}`)).toBe(true);
    });

    it.each([
      ['originCountry', 'ZZ'], ['grossWeightKg', 70000], ['grossWeightKg', 0.001], ['declaredValueUsd', 0], ['declaredValueUsd', 10_000_000],
      ['consigneeName', '김민지'], ['quantity', 1],
    ])('accepts %s = %p', (field, value) => expect(waybillErrorsWith(field, value)).toEqual([]));

    it('rejects an address longer than 400 characters', () => {
      expect(waybillErrorsWith('consigneeAddress', 'x'.repeat(401))).toEqual(['waybills[0].consigneeAddress must be at most 400 characters, got 401']);
    });

    it('rejects a waybill that is not an object', () => {
      const manifest = sampleExpressManifest();
      expect(errorsOf({ ...manifest, waybills: [manifest.waybills[0], null] })).toEqual(['waybills[1] must be an object, got null']);
    });
  });

  it('rejects duplicate waybill numbers, case-insensitively, naming the first', () => {
    const manifest = sampleExpressManifest(3);
    manifest.waybills[2].waybillNumber = manifest.waybills[0].waybillNumber.toLowerCase();
    expect(errorsOf(manifest)).toEqual([`waybills[2].waybillNumber duplicates waybills[0]: ${manifest.waybills[2].waybillNumber}`]);
  });

  it(`reports at most ${MAX_REPORTED_PROBLEMS} problems and counts the rest`, () => {
    const manifest = sampleExpressManifest(1);
    manifest.waybills = Array.from({ length: 300 }, (_, i) => sampleWaybill({ waybillNumber: `EX${String(i).padStart(8, '0')}`, grossWeightKg: -1 }));
    const errors = errorsOf(manifest);
    expect(errors).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(errors[MAX_REPORTED_PROBLEMS]).toBe(`... and ${300 - MAX_REPORTED_PROBLEMS} more problems`);
  });
});
