import { type ExpressWaybill, validateExpressManifest } from '@customs/domain';
import { DUTY_FREE_LIMIT_USD, EXPRESS_PATTERN_SHARES, type ExpressPattern, generateExpressManifest, plantedCounts } from './express-generator';

const OPTIONS = { waybills: 2000, arrivalAt: '2026-12-01T06:30:00Z', logisticsCentreId: '40' };

describe('generateExpressManifest', () => {
  const generated = generateExpressManifest(7, OPTIONS);
  const byNumber = new Map(generated.manifest.waybills.map((w) => [w.waybillNumber, w]));
  const plantedAs = (pattern: ExpressPattern): ExpressWaybill[] =>
    generated.planted.filter((p) => p.pattern === pattern).map((p) => byNumber.get(p.waybillNumber) as ExpressWaybill);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateExpressManifest(7, OPTIONS))).toBe(JSON.stringify(generated));
    expect(JSON.stringify(generateExpressManifest(8, OPTIONS).manifest)).not.toBe(JSON.stringify(generated.manifest));
  });

  it('produces manifests the domain validator accepts, for AIR and SEA and any size', () => {
    expect(validateExpressManifest(generated.manifest)).toEqual({ ok: true, value: generated.manifest });
    for (const [seed, waybills, transportMode] of [[1, 1, 'AIR'], [2, 7, 'SEA'], [3, 20_000, 'AIR']] as const) {
      const { manifest } = generateExpressManifest(seed, { ...OPTIONS, waybills, transportMode });
      expect(manifest.waybills).toHaveLength(waybills);
      expect(validateExpressManifest(manifest).ok).toBe(true);
    }
  });

  it('plants each pattern in its stated share, on waybills of the manifest', () => {
    const counts = plantedCounts(OPTIONS.waybills);
    for (const pattern of Object.keys(EXPRESS_PATTERN_SHARES) as ExpressPattern[]) {
      expect(counts[pattern]).toBe(Math.round(OPTIONS.waybills * EXPRESS_PATTERN_SHARES[pattern]));
      expect(plantedAs(pattern)).toHaveLength(counts[pattern]);
    }
    expect(plantedAs('split-shipment').every((w) => w !== undefined)).toBe(true);
    expect(new Set(generated.planted.map((p) => p.waybillNumber)).size).toBe(generated.planted.length);
  });

  it('split shipments: groups of 2+ parcels from one shipper to one address, each just under USD 150', () => {
    const split = plantedAs('split-shipment');
    for (const w of split) {
      expect(w.declaredValueUsd).toBeLessThan(DUTY_FREE_LIMIT_USD);
      expect(w.declaredValueUsd).toBeGreaterThanOrEqual(DUTY_FREE_LIMIT_USD - 30);
      expect(w.consigneeId).toMatch(/^P\d{12}$/);
      expect(w.shipperCountry).not.toBe('US'); // the US limit is 200: not modelled
    }
    // Group by shipper and the flat's dong/ho numbers (the address variants share them).
    const flat = (w: ExpressWaybill) => (/(\d{3})\D{0,6}(\d{3,4})\D/.exec(w.consigneeAddress) ?? []).slice(1).join('-');
    const groups = new Map<string, ExpressWaybill[]>();
    for (const w of split) groups.set(`${w.shipperName}|${flat(w)}`, [...(groups.get(`${w.shipperName}|${flat(w)}`) ?? []), w]);
    for (const group of groups.values()) expect(group.length).toBeGreaterThanOrEqual(2);
    // Address spellings vary within a group somewhere in the manifest.
    expect([...groups.values()].some((g) => new Set(g.map((w) => w.consigneeAddress)).size > 1)).toBe(true);
  });

  it('counterfeit brands: a brand word at under USD 50 from CN, HK or TR', () => {
    for (const w of plantedAs('counterfeit-brand')) {
      expect(w.goodsDescription).toMatch(/LOUIS VUITTON|ROLEX|CHANEL|GUCCI|HERMES|PRADA|CARTIER|BURBERRY|NIKE|DIOR|AIRPODS|OMEGA/);
      expect(w.declaredValueUsd).toBeLessThan(50);
      expect(['CN', 'HK', 'TR']).toContain(w.shipperCountry);
    }
  });

  it('drug concealment: cover goods from high-risk origins, heavy and nearly worthless', () => {
    for (const w of plantedAs('drug-concealment')) {
      expect(w.goodsDescription).toMatch(/POWDER|TEA|CANDLE|COFFEE|BATH SALT|CAPSULES/);
      expect(['US', 'TH', 'VN', 'LA', 'NL', 'CA', 'MX', 'DE']).toContain(w.originCountry);
      expect(w.declaredValueUsd / w.grossWeightKg).toBeLessThan(6);
      expect(w.consigneeId).toMatch(/^P\d{12}$/);
    }
  });

  it('ordinary parcels: 0.1-20 kg, mostly from CN, no brand words', () => {
    const plantedNumbers = new Set(generated.planted.map((p) => p.waybillNumber));
    const ordinary = generated.manifest.waybills.filter((w) => !plantedNumbers.has(w.waybillNumber));
    expect(ordinary).toHaveLength(OPTIONS.waybills - generated.planted.length);
    for (const w of ordinary) {
      expect(w.grossWeightKg).toBeGreaterThanOrEqual(0.1);
      expect(w.grossWeightKg).toBeLessThanOrEqual(20);
      expect(w.goodsDescription).not.toMatch(/ROLEX|LOUIS VUITTON|CHANEL/);
    }
    const fromCn = ordinary.filter((w) => w.shipperCountry === 'CN').length / ordinary.length;
    expect(fromCn).toBeGreaterThan(0.45);
    expect(fromCn).toBeLessThan(0.65);
  });

  it('generates 10,000 waybills in well under a second', () => {
    generateExpressManifest(1, { ...OPTIONS, waybills: 1000 }); // warm-up
    const started = performance.now();
    generateExpressManifest(11, { ...OPTIONS, waybills: 10_000 });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses sizes outside 1..20,000', () => {
    for (const waybills of [0, 20_001, 1.5]) expect(() => generateExpressManifest(1, { ...OPTIONS, waybills })).toThrow(RangeError);
  });
});
