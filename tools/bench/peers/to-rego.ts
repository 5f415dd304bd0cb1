/**
 * Selectivity criteria → one Rego v1 module for OPA (`npm run bench:peers`).
 *
 * Query `data.bench.fired`: the set of criterion keys (`id@vN`) that select the declaration
 * given as `input` (its facts, see `peer-facts.ts`, with `input.words` the goods
 * description's word set). One partial-set rule body per criterion alternative
 * (`criteria-dnf.ts`), written so that OPA's rule index can discard most bodies without
 * evaluating them: `input.officeId == "…"` first for a LOCAL criterion, then the equalities,
 * `in` sets, word memberships (`"w" in input.words`) and `startswith` prefixes (all indexed
 * by OPA 1.22), then the numeric comparisons and the validity window.
 */
import { CRITERION_FACT_SPECS, FactSpec, SelectivityCriterion } from '@customs/selectivity';
import { Atom, Comparison, CriterionAlternatives, DEFAULT_DNF_OPTIONS, DnfOptions, Literal, Scalar, WORD_SET_FACTS, criterionAlternatives } from './criteria-dnf';

/** The package of the generated module. */
export const REGO_PACKAGE = 'bench';
/** The query that gives the fired keys: a set of strings. */
export const REGO_QUERY = `data.${REGO_PACKAGE}.fired`;

const CMP_HELPERS: Readonly<Record<Comparison, string>> = { '<': 'cmp_lt', '<=': 'cmp_lte', '>': 'cmp_gt', '>=': 'cmp_gte' };

function lit(v: Scalar): string {
  return JSON.stringify(v);
}

function ref(fact: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(fact)) throw new Error(`fact name ${fact} is not a Rego identifier`);
  return `input.${fact}`;
}

/** Whether a fact may be null (then a numeric comparison on it needs a number guard). */
function nullable(fact: string): boolean {
  const spec = (CRITERION_FACT_SPECS as Record<string, FactSpec>)[fact];
  if (!spec) throw new Error(`unknown fact ${fact}`);
  return spec.nullable;
}

function wordsRef(fact: string): string {
  return ref(WORD_SET_FACTS[fact]);
}

/** A positive atom: one or more body expressions, all of which must hold. */
function positive(a: Atom): string[] {
  switch (a.kind) {
    case 'eq':
      return [`${ref(a.fact)} == ${lit(a.value)}`];
    case 'member':
      return a.values.length === 1 ? [`${ref(a.fact)} == ${lit(a.values[0])}`] : [`${ref(a.fact)} in {${a.values.map(lit).join(', ')}}`];
    case 'prefix':
      return a.prefixes.length === 1
        ? [`startswith(${ref(a.fact)}, ${lit(a.prefixes[0])})`]
        : [`strings.any_prefix_match(${ref(a.fact)}, [${a.prefixes.map(lit).join(', ')}])`];
    case 'word':
      return a.words.length === 1 ? [`${lit(a.words[0])} in ${wordsRef(a.fact)}`] : [`any_word(${wordsRef(a.fact)}, [${a.words.map(lit).join(', ')}])`];
    case 'cmp': {
      // A comparison on a non-number fails in our engine; in Rego `null < 5` holds (type
      // order), hence the guard on a nullable fact (the others are always numbers).
      const test = `${ref(a.fact)} ${a.op} ${a.value}`;
      return nullable(a.fact) ? [`is_number(${ref(a.fact)})`, test] : [test];
    }
  }
}

/** A negated single atom: one `not` expression (a negated comparison goes through its helper function). */
function negative(a: Atom): string {
  if (a.kind === 'cmp' && nullable(a.fact)) return `not ${CMP_HELPERS[a.op]}(${ref(a.fact)}, ${a.value})`;
  const body = positive(a);
  if (body.length !== 1) throw new Error(`internal: negated ${a.kind} renders as ${body.length} expressions`);
  return `not ${body[0]}`;
}

function literal(l: Literal): string[] {
  return l.negated ? [negative(l.atom)] : positive(l.atom);
}

/** The rule bodies of one translated criterion, one per alternative. */
function criterionRules(t: CriterionAlternatives): string[] {
  return t.alternatives.map((conj) => {
    const body = [
      ...(t.officeId !== null ? [`input.officeId == ${lit(t.officeId)}`] : []),
      ...conj.flatMap(literal),
      `input.date >= ${lit(t.validFrom)}`,
      `input.date <= ${lit(t.validTo)}`,
    ];
    return `fired contains ${lit(t.key)} if {\n${body.map((e) => `\t${e}`).join('\n')}\n}\n`;
  });
}

/** The helper functions the rules use (only those used are emitted). */
function helpers(rules: string): string[] {
  const out: string[] = [];
  for (const [op, name] of Object.entries(CMP_HELPERS)) {
    if (rules.includes(`${name}(`)) out.push(`${name}(x, v) if {\n\tis_number(x)\n\tx ${op} v\n}\n`);
  }
  if (rules.includes('any_word(')) out.push('any_word(words, list) if {\n\tsome w in list\n\tw in words\n}\n');
  return out;
}

/** What {@link toRego} gives: the module text and counts. */
export interface RegoPolicy {
  /** The Rego v1 module (package {@link REGO_PACKAGE}). */
  module: string;
  /** Criteria translated (ACTIVE ones). */
  criteria: number;
  /** Rule bodies written (alternatives of all criteria). */
  rules: number;
}

/**
 * Translates criteria to one Rego v1 module (pure, deterministic).
 * @param criteria criteria as `SelectivityEngine.compile` takes them (non-ACTIVE ones are left out, as ours ignores them)
 * @throws UnsupportedCriterionError for a criterion that cannot be expressed exactly
 */
export function toRego(criteria: readonly SelectivityCriterion[], opts: DnfOptions = DEFAULT_DNF_OPTIONS): RegoPolicy {
  const translated = criteria.map((c) => criterionAlternatives(c, opts)).filter((t): t is CriterionAlternatives => t !== null);
  const rules = translated.flatMap(criterionRules);
  const text = rules.join('\n');
  const header = [
    `# Generated by tools/bench/peers/to-rego.ts from ${translated.length} selectivity criteria (${rules.length} rule bodies): do not edit.`,
    `# ${REGO_QUERY}: the keys (id@vN) of the criteria that select the declaration given as input.`,
    `package ${REGO_PACKAGE}`,
    '',
  ];
  return { module: [...header, ...helpers(text), text].join('\n'), criteria: translated.length, rules: rules.length };
}
