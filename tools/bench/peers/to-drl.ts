/**
 * Selectivity criteria → one DRL package for Drools (`npm run bench:peers`).
 *
 * Each criterion alternative (`criteria-dnf.ts`) becomes one rule over the typed fact class
 * `bench.peers.DeclFacts` (drools/src/main/java/bench/peers/DeclFacts.java: String fields,
 * `double` numbers, a `Double` for the nullable unit price, `Set<String> words`) whose
 * consequence adds the criterion key (`id@vN`) to the global set `fired`. Constraints are
 * literal comparisons in one pattern, equalities first (`officeId == "…"` for a LOCAL
 * criterion), so Drools shares and hashes them in its alpha network (`==` on a literal is
 * hashed once three or more rules test the same field; `<`/`>` literals are range-indexed).
 */
import { CRITERION_FACT_SPECS, FactSpec, SelectivityCriterion } from '@customs/selectivity';
import { Atom, Comparison, CriterionAlternatives, DEFAULT_DNF_OPTIONS, DnfOptions, Literal, Scalar, WORD_SET_FACTS, criterionAlternatives } from './criteria-dnf';

/** The DRL package, the fact class and the global the consequences write to. */
export const DRL_PACKAGE = 'bench.peers.rules';
export const DRL_FACT_CLASS = 'bench.peers.DeclFacts';
export const DRL_GLOBAL = 'fired';

const COMPLEMENT: Readonly<Record<Comparison, Comparison>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

function spec(fact: string): FactSpec {
  const s = (CRITERION_FACT_SPECS as Record<string, FactSpec>)[fact];
  if (!s) throw new Error(`unknown fact ${fact}`);
  return s;
}

/** A Java string literal. */
function str(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

function lit(v: Scalar): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  return str(v);
}

function field(fact: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(fact)) throw new Error(`fact name ${fact} is not a Java identifier`);
  return fact;
}

function anyOf(parts: string[]): string {
  return parts.length === 1 ? parts[0] : `( ${parts.join(' || ')} )`;
}

/** A string method test, guarded against a null fact when the fact is nullable (a prefix test on null fails in our engine). */
function stringTest(fact: string, test: string, negated: boolean): string {
  if (!spec(fact).nullable) return test;
  return negated ? `( ${field(fact)} == null || ${test} )` : `( ${field(fact)} != null && ${test} )`;
}

/** One literal as a pattern constraint. Numbers are finite (validated), so a negated comparison is its complement. */
function constraint(l: Literal): string {
  const a: Atom = l.atom;
  const f = field(a.fact);
  switch (a.kind) {
    case 'eq':
      return `${f} ${l.negated ? '!=' : '=='} ${lit(a.value)}`;
    case 'member':
      if (l.negated) throw new Error('internal: negated list');
      return a.values.length === 1 ? `${f} == ${lit(a.values[0])}` : `${f} in ( ${a.values.map(lit).join(', ')} )`;
    case 'prefix':
      // A method call rather than Drools' `str[startsWith]` operator: constraints using that operator
      // fail once Drools 10.2.0 JIT-compiles them (NoSuchMethodError in EvaluatorHelper.initOperators).
      return stringTest(a.fact, anyOf(a.prefixes.map((p) => `${l.negated ? '!' : ''}${f}.startsWith(${str(p)})`)), l.negated);
    case 'word': {
      const words = field(WORD_SET_FACTS[a.fact]);
      return anyOf(a.words.map((w) => `${words} ${l.negated ? 'not ' : ''}contains ${str(w)}`));
    }
    case 'cmp': {
      const op = l.negated ? COMPLEMENT[a.op] : a.op;
      const test = `${f} ${op} ${a.value}`;
      if (!spec(a.fact).nullable) return test;
      // A comparison on null fails in our engine, so its negation holds.
      return l.negated ? `( ${f} == null || ${test} )` : `${f} != null, ${test}`;
    }
  }
}

/** The rules of one translated criterion, one per alternative, named `key #n`. */
function criterionRules(t: CriterionAlternatives): string[] {
  return t.alternatives.map((conj, i) => {
    const constraints = [
      ...(t.officeId !== null ? [`officeId == ${str(t.officeId)}`] : []),
      ...conj.map(constraint),
      `date >= ${str(t.validFrom)}`,
      `date <= ${str(t.validTo)}`,
    ];
    return [
      `rule ${str(`${t.key} #${i + 1}`)}`,
      'when',
      `    DeclFacts( ${constraints.join(', ')} )`,
      'then',
      `    ${DRL_GLOBAL}.add(${str(t.key)});`,
      'end',
      '',
    ].join('\n');
  });
}

/** What {@link toDrl} gives: the DRL text and counts. */
export interface DrlPackage {
  /** The DRL source (package {@link DRL_PACKAGE}). */
  drl: string;
  /** Criteria translated (ACTIVE ones). */
  criteria: number;
  /** Rules written (alternatives of all criteria). */
  rules: number;
}

/**
 * Translates criteria to one DRL package (pure, deterministic).
 * @param criteria criteria as `SelectivityEngine.compile` takes them (non-ACTIVE ones are left out, as ours ignores them)
 * @throws UnsupportedCriterionError for a criterion that cannot be expressed exactly
 */
export function toDrl(criteria: readonly SelectivityCriterion[], opts: DnfOptions = DEFAULT_DNF_OPTIONS): DrlPackage {
  const translated = criteria.map((c) => criterionAlternatives(c, opts)).filter((t): t is CriterionAlternatives => t !== null);
  const rules = translated.flatMap(criterionRules);
  const header = [
    `// Generated by tools/bench/peers/to-drl.ts from ${translated.length} selectivity criteria (${rules.length} rules): do not edit.`,
    `package ${DRL_PACKAGE};`,
    '',
    `import ${DRL_FACT_CLASS};`,
    '',
    `global java.util.Set ${DRL_GLOBAL};`,
    '',
  ];
  return { drl: [...header, ...rules].join('\n'), criteria: translated.length, rules: rules.length };
}
