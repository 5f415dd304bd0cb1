import { Engine } from 'json-rules-engine';
import { Declaration } from '@customs/domain';
import { SelectivityCriterion } from './criterion';
import { declarationFacts } from './facts';
import { addCriterionRule, newSelectivityRulesEngine, ruleName } from './selectivity-engine';

/** A criterion version fired for a declaration: id and version. */
export interface FiredVersion {
  id: string;
  version: number;
}

/**
 * The criteria in force for a declaration, straight from the definition: ACTIVE, CENTRAL
 * or LOCAL to the declaration's office, `validFrom <= date <= validTo`.
 */
export function criteriaInForce(criteria: readonly SelectivityCriterion[], decl: Declaration): SelectivityCriterion[] {
  return criteria.filter(
    (c) =>
      c.status === 'ACTIVE' &&
      (c.scope === 'CENTRAL' || c.officeId === decl.officeId) &&
      c.validFrom <= decl.date &&
      decl.date <= c.validTo,
  );
}

/**
 * The reference meaning of a criteria set: a plain json-rules-engine `Engine.run` over
 * every criterion in force, no index, no shortcut. Slow by design (its cost grows faster
 * than the number of rules); used by the differential spec and the benchmark to check
 * and measure {@link SelectivityEngine}. One Engine per distinct set in force, cached;
 * calls must not overlap (await each).
 */
export class RulesEngineReference {
  private readonly engines = new Map<string, Engine>();

  constructor(private readonly criteria: readonly SelectivityCriterion[]) {}

  /** The criteria fired for `decl`, sorted by id then version. */
  async fired(decl: Declaration): Promise<FiredVersion[]> {
    const inForce = criteriaInForce(this.criteria, decl);
    if (inForce.length === 0) return [];
    const key = inForce.map(ruleName).join(',');
    let engine = this.engines.get(key);
    if (!engine) {
      engine = newSelectivityRulesEngine();
      for (const c of inForce) addCriterionRule(engine, c);
      this.engines.set(key, engine);
    }
    const { results } = await engine.run(declarationFacts(decl) as unknown as Record<string, unknown>);
    return results
      .map((r) => r.event!.params as unknown as FiredVersion)
      .map(({ id, version }) => ({ id, version }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
  }
}
