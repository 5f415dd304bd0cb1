import { checkPolicyFigures, checkPolicyToSave, figuresKey, formFromPolicy, percentToShare, shareToPercent, type PolicyFormValue } from './policy-form';
import type { RiskPolicyView } from './risk-policy.types';

const ok: PolicyFormValue = { dailyPhysicalCapacity: 20, dailyDocumentCapacity: 80, expectedDailyDeclarations: 1000, controlSharePct: 1, explorationSharePct: 0.5, reason: '' };

describe('risk-policy form', () => {
  it('builds the preview body with shares 0..1 from percent', () => {
    expect(checkPolicyFigures(ok)).toEqual({
      body: { dailyPhysicalCapacity: 20, dailyDocumentCapacity: 80, expectedDailyDeclarations: 1000, controlShare: 0.01, explorationShare: 0.005 },
      problems: {},
    });
  });

  it('leaves expectedDailyDeclarations out when empty (the API measures it)', () => {
    const { body } = checkPolicyFigures({ ...ok, expectedDailyDeclarations: null });
    expect(body).not.toBeNull();
    expect(body).not.toHaveProperty('expectedDailyDeclarations');
  });

  it('refuses what the API DTO refuses, naming the field', () => {
    const { body, problems } = checkPolicyFigures({ ...ok, dailyPhysicalCapacity: -1, dailyDocumentCapacity: null, expectedDailyDeclarations: 0, controlSharePct: 50.5, explorationSharePct: 26 });
    expect(body).toBeNull();
    expect(problems).toEqual({
      dailyPhysicalCapacity: { key: 'policy.error.negative' },
      dailyDocumentCapacity: { key: 'policy.error.required' },
      expectedDailyDeclarations: { key: 'policy.error.positive' },
      controlSharePct: { key: 'policy.error.range', params: { min: 0, max: 50 } },
      explorationSharePct: { key: 'policy.error.range', params: { min: 0, max: 25 } },
    });
  });

  it('accepts the bounds themselves (capacity 0, control 50 %, exploration 25 %)', () => {
    expect(checkPolicyFigures({ ...ok, dailyPhysicalCapacity: 0, controlSharePct: 50, explorationSharePct: 25 }).problems).toEqual({});
  });

  it('refuses capacities above the expected declarations, as the service does', () => {
    expect(checkPolicyFigures({ ...ok, dailyPhysicalCapacity: 1001 }).problems).toEqual({ dailyPhysicalCapacity: { key: 'policy.error.physicalAboveExpected', params: { expected: 1000 } } });
    expect(checkPolicyFigures({ ...ok, dailyDocumentCapacity: 981 }).problems).toEqual({ dailyDocumentCapacity: { key: 'policy.error.sumAboveExpected', params: { expected: 1000 } } });
    expect(checkPolicyFigures({ ...ok, dailyDocumentCapacity: 980 }).problems).toEqual({});
  });

  it('needs a reason of 3..2000 characters (trimmed) to save', () => {
    expect(checkPolicyToSave({ ...ok, reason: '  ab ' })).toEqual({ body: null, problems: { reason: { key: 'policy.error.reason', params: { min: 3, max: 2000 } } } });
    expect(checkPolicyToSave({ ...ok, reason: 'x'.repeat(2001) }).body).toBeNull();
    expect(checkPolicyToSave({ ...ok, reason: ' two more inspectors ' }).body).toMatchObject({ reason: 'two more inspectors', dailyPhysicalCapacity: 20 });
    expect(checkPolicyToSave({ ...ok, dailyPhysicalCapacity: null, reason: 'fine reason' }).body).toBeNull();
  });

  it('converts between percent and share without binary noise', () => {
    expect(shareToPercent(0.07)).toBe(7);
    expect(percentToShare(7)).toBe(0.07);
    expect(percentToShare(shareToPercent(0.0123))).toBe(0.0123);
  });

  it('fills the form from the policy in force; a measured figure stays empty so it is measured again', () => {
    const view = {
      dailyPhysicalCapacity: 10, dailyDocumentCapacity: 40, expectedDailyDeclarations: 512.5, expectedDailyDeclarationsSource: 'MEASURED', controlShare: 0.02, explorationShare: 0,
    } as RiskPolicyView;
    expect(formFromPolicy(view)).toEqual({ dailyPhysicalCapacity: 10, dailyDocumentCapacity: 40, expectedDailyDeclarations: null, controlSharePct: 2, explorationSharePct: 0, reason: '' });
    expect(formFromPolicy({ ...view, expectedDailyDeclarationsSource: 'CONFIGURED' }).expectedDailyDeclarations).toBe(512.5);
    const global = { ...view, dailyPhysicalCapacity: null, dailyDocumentCapacity: null, expectedDailyDeclarations: null, expectedDailyDeclarationsSource: null } as RiskPolicyView;
    expect(checkPolicyFigures(formFromPolicy(global)).problems).toMatchObject({ dailyPhysicalCapacity: { key: 'policy.error.required' } });
  });

  it('keys a preview by its figures: a changed figure changes the key, the reason does not', () => {
    const key = figuresKey(ok);
    expect(key).not.toBeNull();
    expect(figuresKey({ ...ok, reason: 'another reason' })).toBe(key);
    expect(figuresKey({ ...ok, dailyPhysicalCapacity: 21 })).not.toBe(key);
    expect(figuresKey({ ...ok, controlSharePct: 2 })).not.toBe(key);
    expect(figuresKey({ ...ok, dailyPhysicalCapacity: -1 })).toBeNull();
  });
});
