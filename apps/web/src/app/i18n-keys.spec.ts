import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_STATUSES, LANES, OUTCOMES, type Role } from './core/api.types';
import { LANGUAGES } from './core/ui-language';
import { META_OPERATORS, META_RISK_AREAS, criteriaMetaMock } from './criteria/criteria-meta.mock';
import { checkCriterionForm, documentKey, type CriterionFormValue } from './criteria/criterion-form';
import { documentChipKey, type CriterionState } from './criteria/criterion-review';
import { CHART_TEXT_KEYS } from './dashboard/dashboard-charts';
import { PSI_LEVELS } from './dashboard/drift-view';
import { SIMULATED_POLICIES } from './risk-policy/policy-simulation-view';
import { checkPromoteReason } from './models/promote-reason';
import { NAV } from './page-roles';
import { conditionResultKey, controlSampleKey } from './trace/trace-format';
import { contributionDirection } from './trace/model-explanation-format';
import { featureLabelKey } from './trace/feature-label-key';
import { summaryTexts } from './trace/decision-summary';
import { declarationRows } from './case/declaration-fields';
import { DECLARATION_FIELDS } from '@customs/domain';
import type { DecisionRecord } from './core/api.types';
import { ASSESSMENT_FACTORS, FACTOR_LEVELS, parseOffices } from './risk-cases/assessment';
import { RISK_CASE_STATUSES } from './risk-cases/risk-case.types';
import { riskAreaKey } from './risk-cases/risk-case-board';
import { blankIntelligenceForm, intelligenceBody } from './intelligence/intelligence-form';
import { INTEL_RISK_AREAS, SMUGGLING_SUBTYPES, SOURCE_TYPES, SUBJECT_ID_TYPES } from './intelligence/intelligence.types';
import { QUEUE_SORTS } from './queue/queue-filters';
import { checkPolicyToSave } from './risk-policy/policy-form';
import { PREVIEW_BASES, PREVIEW_LANES, cutoffRows } from './risk-policy/policy-preview-view';
import type { DerivedThresholds } from './risk-policy/risk-policy.types';
import { passengerComposedKeys } from './passengers/passenger-view';
import { xrayComposedKeys } from './xray/xray-view';
import { partyComposedKeys } from './parties/party-view';

/** Every key of a nested i18n file, dotted (`builder.error.number`). */
function keysOf(texts: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const dictionaries = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, new Set(keysOf(JSON.parse(readFileSync(join(__dirname, `../../public/i18n/${lang}.json`), 'utf8'))))]),
);

/** Every key the pure modules hand to the translate pipe. */
function keysInUse(): string[] {
  const meta = criteriaMetaMock();
  const broken: CriterionFormValue = {
    document: 'IMPORT_DECLARATION',
    combinator: 'all',
    conditions: [
      { fact: 'colour', operator: 'equal', value: '' },
      { fact: 'originCountry', operator: 'greaterThan', value: '' },
      { fact: 'originCountry', operator: 'equal', value: '' },
      { fact: 'originCountry', operator: 'in', value: ',' },
      { fact: 'taxRate', operator: 'equal', value: 'x' },
      { fact: 'hsCode', operator: 'hsStartsWithAny', value: '9' },
    ],
    pointsOfInterest: '', reason: '', keywords: '', scope: 'LOCAL', officeId: '', lane: 'RED', riskArea: '', id: '', validFrom: '', validTo: 'x',
  };
  const formKeys = [
    broken,
    { ...broken, conditions: [], scope: 'CENTRAL', id: 'LOC-40-001', validFrom: '2026-03-02', validTo: '2026-03-01' },
    { ...broken, officeId: '40', id: 'LOC-41-001' },
    { ...broken, document: 'CONTAINER' },
  ].flatMap((v) => Object.values(checkCriterionForm(v as CriterionFormValue, meta, false).problems).flat().map((p) => p.key ?? ''));
  const states: CriterionState[] = ['AWAITING', 'IN_FORCE', 'RETIRED', 'DRAFT', 'EXPIRED', 'SCHEDULED'];
  const roles: Role[] = ['cbtc_analyst', 'local_officer', 'supervisor', 'auditor', 'passenger_desk', 'service'];
  const spec = JSON.parse(readFileSync(join(__dirname, '../../../../libs/risk-model/models/2.0.0/feature-spec.json'), 'utf8')) as { features: { name: string }[] };
  const featureKeys = spec.features.flatMap((f) => {
    const label = featureLabelKey(f.name);
    return label ? [label.key, ...(label.partKey ? [label.partKey] : [])] : [];
  });
  const reasonCheck = checkPromoteReason('');
  // Every summary a record can have: each lane, one or two criteria or none, each model lane, critical, control, exploration, data quality.
  const model = (lane: string, score: number, criticalScore: number | null = null) =>
    ({ name: 'm', version: '1', score, criticalScore, lane, thresholds: { yellow: 0.5, red: 0.9, criticalRed: 0.8 } });
  const records = LANES.flatMap((lane) =>
    [[], [{ id: 'A', version: 1, lane: 'RED' }], [{ id: 'A', version: 1, lane: 'RED' }, { id: 'B', version: 1, lane: 'YELLOW' }]].flatMap((firedCriteria) =>
      [model('GREEN', 0.1), model('YELLOW', 0.6), model('RED', 0.95), model('RED', 0.6, 0.85)].flatMap((m) =>
        [
          { controlSample: true, selectionBasis: null },
          { controlSample: false, selectionBasis: { decidedBy: 'EXPLORATION' } },
          { controlSample: false, selectionBasis: { decidedBy: 'DATA_QUALITY' }, dataQuality: [{ field: 'taxType', value: 'FUS6' }], dataQualityMinLane: 'YELLOW' },
        ].map(
          (draw) => ({ declarationId: 'D', lane, firedCriteria, model: m, ...draw }) as unknown as DecisionRecord,
        ),
      ),
    ),
  );
  const summaryKeys = records.flatMap((r) => {
    const t = summaryTexts(r);
    return [t.lead.key, ...t.reasons.map((x) => x.key)];
  });
  const fieldKeys = declarationRows(Object.fromEntries(DECLARATION_FIELDS.map((f) => [f, null])) as unknown as DecisionRecord['declaration'])
    .flatMap((row) => [row.labelKey, ...(row.unitKey ? [row.unitKey] : [])]);
  return [
    ...formKeys,
    ...[true, false, null].map(conditionResultKey),
    ...[true, false].map(controlSampleKey),
    ...[1, -1].map((c) => `explain.${contributionDirection(c)}`),
    ...('problem' in reasonCheck ? [reasonCheck.problem] : []),
    ...NAV.map((n) => n.label),
    ...CHART_TEXT_KEYS,
    ...['lane', 'firedCriteria', 'score', 'controlSample'].map((k) => `replay.${k}`),
    ...states.map((s) => `criteria.state.${s}`),
    ...roles.map((r) => `role.${r}`),
    ...META_OPERATORS.map((o) => `op.${o}`),
    ...meta.targetDocuments.map(documentKey),
    ...meta.targetDocuments.map((d) => documentChipKey(d) ?? 'common.none'),
    ...META_RISK_AREAS.map((a) => `riskArea.${a}`),
    ...LANES.map((l) => `lane.${l}`),
    ...CASE_STATUSES.map((s) => `status.${s}`),
    ...OUTCOMES.map((o) => `outcome.${o}`),
    ...featureKeys,
    ...summaryKeys,
    ...['summary.colon', 'summary.separator', 'summary.end', 'common.none', 'unit.kg', 'unit.krw', 'unit.percent'],
    ...fieldKeys,
    ...RISK_CASE_STATUSES.map((s) => `riskStatus.${s}`),
    ...['LOW', 'MEDIUM', 'HIGH'].map((l) => `riskLevel.${l}`),
    ...ASSESSMENT_FACTORS.flatMap((f) => [`assess.factor.${f}`, `assess.help.${f}`]),
    ...FACTOR_LEVELS.map((l) => `assess.level.${l}`),
    ...['DISMISS', 'SHARE', 'TARGET'].map((d) => `assess.decision.${d}`),
    ...['x', ''].map((t) => parseOffices(t, 'SHARE').problem ?? ''),
    ...INTEL_RISK_AREAS.map((a) => riskAreaKey(a)),
    ...SMUGGLING_SUBTYPES.map((s) => riskAreaKey('SMUGGLING', s)),
    ...SOURCE_TYPES.map((s) => `intel.sourceType.${s}`),
    ...SUBJECT_ID_TYPES.map((t) => `intel.idTypes.${t}`),
    ...intelligenceBody({ ...blankIntelligenceForm(), smugglingSubtype: '', goods: [{ hsCode: 'x', description: '' }], routes: [{ originCountry: 'x', departureCountry: '' }], portOfficeId: 'x' }).problems,
    ...QUEUE_SORTS.map((s) => `queue.sortKey.${s}`),
    ...policyKeys(),
    ...xrayComposedKeys(),
    ...passengerComposedKeys(),
    ...partyComposedKeys(),
    ...PSI_LEVELS.map((l) => `dashboard.drift.levels.${l}`),
    ...SIMULATED_POLICIES.map((p) => `policy.sim.policies.${p}`),
    ...['valid', 'sample'].map((s) => `policy.sim.run.${s}`),
    ...['exploration', 'control'].map((z) => `policy.sim.zero.${z}`),
  ];
}

/** The risk-policy page's keys: every form problem, deciding basis, lane, cut-off row and figure source. */
function policyKeys(): string[] {
  const figures = { dailyPhysicalCapacity: null, dailyDocumentCapacity: -1, expectedDailyDeclarations: 0, controlSharePct: 99, explorationSharePct: 1, reason: '' };
  const above = { dailyPhysicalCapacity: 20, dailyDocumentCapacity: 990, expectedDailyDeclarations: 1000, controlSharePct: 1, explorationSharePct: 1, reason: '' };
  const problems = [figures, above, { ...above, dailyPhysicalCapacity: 2000 }].flatMap((v) => Object.values(checkPolicyToSave(v).problems).map((p) => p?.key ?? ''));
  const t = { red: 0.9, yellow: 0.5, redTopShare: 0.02, yellowTopShare: 0.1, exploration: { share: 0, floor: 0.5 } } as DerivedThresholds;
  return [
    ...problems,
    ...PREVIEW_BASES.map((b) => `policy.basis.${b}`),
    ...PREVIEW_LANES.map((l) => `lane.${l}`),
    ...cutoffRows(t, t).map((r) => `policy.cut.${r.key}`),
    ...['CONFIGURED', 'MEASURED'].map((s) => `policy.source.${s}`),
  ];
}

describe('i18n texts', () => {
  it('has the same keys in every language', () => {
    const [first, ...others] = LANGUAGES;
    for (const lang of others) {
      expect({ lang, missing: [...dictionaries[first]].filter((k) => !dictionaries[lang].has(k)) }).toEqual({ lang, missing: [] });
      expect({ lang, extra: [...dictionaries[lang]].filter((k) => !dictionaries[first].has(k)) }).toEqual({ lang, extra: [] });
    }
  });

  it('has a text for every key the logic modules produce, in every language', () => {
    const used = [...new Set(keysInUse())];
    expect(used).toContain('builder.error.hsPrefix');
    expect(used).toContain('builder.error.idLocal');
    expect(used).toContain('builder.error.document');
    expect(used).toContain('builder.documents.EXPRESS_MANIFEST');
    expect(used).toContain('feature.history.critical');
    expect(used).toContain('policy.error.sumAboveExpected');
    expect(used).toContain('policy.error.physicalAboveExpected');
    expect(used).toContain('xray.outcome.INTRUSIVE_INSPECTION');
    expect(used).toContain('pax.booking.stay.other');
    expect(used).toContain('role.passenger_desk');
    for (const lang of LANGUAGES) {
      expect({ lang, missing: used.filter((k) => !dictionaries[lang].has(k)) }).toEqual({ lang, missing: [] });
    }
  });
});
