import { Declaration } from '@customs/domain';
import { ConditionNode, LeafCondition, RISK_AREAS, SelectivityCriterion, declarationFacts, keywordTokens } from '@customs/selectivity';
import { prng } from '../../synthetic/random';


const STRING_FACTS = ['importerId', 'declarantId', 'sellerId', 'courierId', 'originCountry', 'hsHeading'] as const;
const NUMBER_FACTS = ['taxRate', 'netMassKg', 'unitPriceKrwPerKg'] as const;
const COMPARISONS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;

/**
 * A random condition tree drawn from the declarations' own values, so that it fires on some:
 * every translated operator (`equal`, `notEqual`, `in`, `notIn` with nulls among the values of nullable facts,
 * `hsStartsWithAny` with 2- to 6-digit prefixes, `containsAnyKeyword` with one-word keywords
 * in any case, the four numeric comparisons, on the nullable unit price too), nested
 * `all` / `any` / `not` up to `depth` levels.
 */
export function randomTree(r: () => number, decls: readonly Declaration[], depth: number): ConditionNode {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const facts = () => declarationFacts(pick(decls));
  const leaf = (): LeafCondition => {
    const strFact = pick(STRING_FACTS);
    const nullable = strFact === 'sellerId' || strFact === 'courierId';
    const strValue = () => (nullable && r() < 0.2 ? null : (facts()[strFact] as string | null));
    const numFact = pick(NUMBER_FACTS);
    const numValue = () => {
      const v = facts()[numFact];
      return v === null ? 0 : r() < 0.5 ? v : Math.round(v);
    };
    const words = () => {
      const own = keywordTokens(facts().goodsDescription);
      return Array.from({ length: 1 + Math.floor(r() * 3) }, () => (own.length > 0 ? pick(own) : 'steel')).map((w) => (r() < 0.3 ? w.toUpperCase() : w));
    };
    const prefix = () => facts().hsCode.slice(0, 2 + Math.floor(r() * 5));
    switch (Math.floor(r() * 9)) {
      case 0:
        return { fact: strFact, operator: 'equal', value: strValue() };
      case 1:
        return { fact: strFact, operator: 'notEqual', value: strValue() };
      case 2:
        return { fact: strFact, operator: 'in', value: [strValue(), strValue(), strValue()] };
      case 3:
        return { fact: strFact, operator: 'notIn', value: [strValue(), strValue()] };
      case 4:
        return { fact: 'hsCode', operator: 'hsStartsWithAny', value: [prefix(), prefix()] };
      case 5:
        return { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: words() };
      default:
        return { fact: numFact, operator: pick(COMPARISONS), value: numValue() };
    }
  };
  if (depth === 0 || r() < 0.35) return leaf();
  const children = Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomTree(r, decls, depth - 1));
  const y = r();
  return y < 0.45 ? { all: children } : y < 0.85 ? { any: children } : { not: children[0] };
}

/**
 * `n` (at most 1,000) random criteria for the translation check of `npm run bench:peers` (seeded): random
 * trees ({@link randomTree}, depth 3) under an `all`, half LOCAL to one of the declarations'
 * offices, validity windows around the declarations' dates (some exclude part of them), a
 * tenth DRAFT (which every engine must ignore).
 */
export function randomCriteria(n: number, decls: readonly Declaration[], seed: number): SelectivityCriterion[] {
  if (n > 1000) throw new Error('randomCriteria: at most 1,000 (ids are CEN-RND-nnn / LOC-<office>-nnn)');
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const dates = [...new Set(decls.map((d) => d.date))].sort();
  const offices = [...new Set(decls.map((d) => d.officeId))];
  return Array.from({ length: n }, (_, i) => {
    const local = r() < 0.5;
    const office = pick(offices);
    const seq = String(i).padStart(3, '0');
    const from = r() < 0.7 ? '2000-01-01' : pick(dates);
    const to = r() < 0.7 ? '2099-12-31' : pick(dates);
    return {
      id: local ? `LOC-${office}-${seq}` : `CEN-RND-${seq}`,
      version: 1 + Math.floor(r() * 2),
      scope: local ? 'LOCAL' : 'CENTRAL',
      officeId: local ? office : null,
      lane: 'YELLOW',
      riskArea: pick(RISK_AREAS),
      reason: 'translation check',
      pointsOfInterest: 'translation check',
      keywords: ['translation', 'check', 'random'],
      validFrom: from <= to ? from : to,
      validTo: from <= to ? to : from,
      status: r() < 0.1 ? 'DRAFT' : 'ACTIVE',
      conditions: { all: [randomTree(r, decls, 3)] },
    };
  });
}
