import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { featureLabelKey } from './feature-label-key';

describe('featureLabelKey', () => {
  it("labels the declaration's own derived figures by name", () => {
    expect(featureLabelKey('tax_rate')).toEqual({ key: 'feature.name.tax_rate' });
    expect(featureLabelKey('unit_price_z_hs6')).toEqual({ key: 'feature.name.unit_price_z_hs6' });
  });

  it('composes history labels from the measure and the subject', () => {
    expect(featureLabelKey('hist_n_importer')).toEqual({ key: 'feature.history.n', partKey: 'feature.subject.importer' });
    expect(featureLabelKey('hist_fraud_importer_seller')).toEqual({ key: 'feature.history.fraud', partKey: 'feature.subject.importer_seller' });
    expect(featureLabelKey('hist_critical_hs6')).toEqual({ key: 'feature.history.critical', partKey: 'feature.subject.hs6' });
  });

  it('composes category-code labels from the field', () => {
    expect(featureLabelKey('ord_originCountry')).toEqual({ key: 'feature.ordinal', partKey: 'feature.field.originCountry' });
  });

  it('gives null for names it does not know, so the raw name is shown', () => {
    for (const name of ['te_rate_importerId', 'hist_n_planet', 'hist_mean_importer', 'ord_colour', 'ord_', 'TAX_RATE', '']) {
      expect({ name, label: featureLabelKey(name) }).toEqual({ name, label: null });
    }
  });

  it('labels every feature of each shipped model version that is explained (libs/risk-model/models/*/feature-spec.json)', () => {
    const modelsDir = join(__dirname, '../../../../../libs/risk-model/models');
    const explained = readdirSync(modelsDir)
      .map((version) => ({ version, spec: JSON.parse(readFileSync(join(modelsDir, version, 'feature-spec.json'), 'utf8')) as { explanation?: unknown; features: { name: string }[] } }))
      .filter((m) => m.spec.explanation !== undefined);
    expect(explained.map((m) => m.version)).toContain('2.0.0');
    for (const { version, spec } of explained) {
      const unlabelled = spec.features.map((f) => f.name).filter((name) => featureLabelKey(name) === null);
      expect({ version, unlabelled }).toEqual({ version, unlabelled: [] });
    }
  });
});
