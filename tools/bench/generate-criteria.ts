import { Declaration } from '@customs/domain';
import { ConditionNode, RISK_AREAS, SelectivityCriterion } from '@customs/selectivity';
import { prng } from '../synthetic/random';


const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const COMMON_WORDS = new Set(['other', 'others', 'than', 'with', 'whether', 'not', 'and', 'for', 'the', 'heading', 'including', 'parts']);

/**
 * Share of generated criteria aimed at the sample: their values (importer, HS code, keyword,
 * origin, price band) are drawn from one sample declaration, so they fire on it and on the
 * few like it. The rest aim at traders and goods absent from the sample, as most criteria in
 * force meet nothing in a given day's declarations. 2% gives a criteria selection rate of a
 * few percent at 1,000 criteria on the KCS sample (national rates run from a few percent to
 * ~20% with the model and control selection added); the benchmark prints the measured rate.
 */
export const AIMED_SHARE = 0.02;

/**
 * Realistic, narrow selectivity criteria for benchmarks, seeded: ACTIVE, valid over 2021, 70%
 * CENTRAL and 30% LOCAL to the sample's offices, shaped like the seed criteria in `rules/`
 * and like what a targeting centre writes (an importer, an HS subheading with a goods word,
 * a country pair with a price band):
 * - 35% HS prefix (6 or 4 digits) with a goods keyword, some with an origin list;
 * - 20% watch-listed importer (equal), sometimes with a duty-rate floor;
 * - 15% declarant or seller list (in);
 * - 15% HS heading with a goods keyword and a unit-price ceiling (undervaluation);
 * - 13% HS heading with an origin/departure country pair and a duty-rate floor;
 * - 2% numeric only, a bulk-undervaluation band (no equality, prefix or keyword: every
 *   declaration is a candidate).
 * `AIMED_SHARE` of them draw their values from one sample declaration (see there).
 */
export function generateCriteria(n: number, decls: readonly Declaration[], seed: number): SelectivityCriterion[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const fakeId = () => Array.from({ length: 7 }, () => pick([...ID_CHARS])).join('');
  const offices = [...new Set(decls.map((x) => x.officeId))];
  const countries = [...new Set(decls.map((x) => x.originCountry))];
  const wordsOf = (x: Declaration) => (x.goodsDescription ?? '').toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 5 && !COMMON_WORDS.has(w));
  const words = [...new Set(decls.flatMap(wordsOf))];
  const fakeHs = () => String(10 + Math.floor(r() * 88)) + String(Math.floor(r() * 10_000)).padStart(4, '0');
  const out: SelectivityCriterion[] = [];
  const perOffice = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    // The declaration this criterion aims at, or null for one aimed elsewhere.
    const target: Declaration | null = r() < AIMED_SHARE ? pick(decls) : null;
    const own = target ? wordsOf(target) : [];
    const keywords = () => (target && own.length > 0 ? [pick(own)] : Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(words)));
    const hs = (len: number) => (target ? target.hsCode : fakeHs()).slice(0, len);
    const country = () => (target ? target.originCountry : pick(countries));
    const unitPrice = target && target.netMassKg > 0 ? target.itemPriceKrw / target.netMassKg : null;
    const x = r();
    let conditions: { all: ConditionNode[] };
    if (x < 0.35) {
      conditions = {
        all: [
          { fact: 'hsCode', operator: 'hsStartsWithAny', value: [hs(r() < 0.7 ? 6 : 4)] },
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: keywords() },
          ...(r() < 0.3 ? [{ fact: 'originCountry' as const, operator: 'in' as const, value: [country(), pick(countries)] }] : []),
        ],
      };
    } else if (x < 0.55) {
      conditions = {
        all: [
          { fact: 'importerId', operator: 'equal', value: target ? target.importerId : fakeId() },
          ...(r() < 0.4 ? [{ fact: 'taxRate' as const, operator: 'greaterThanInclusive' as const, value: target ? Math.floor(target.taxRate) : Math.floor(r() * 10) }] : []),
        ],
      };
    } else if (x < 0.7) {
      const fact = r() < 0.5 ? 'declarantId' : 'sellerId';
      const aimed = target ? (fact === 'declarantId' ? target.declarantId : target.sellerId) : null;
      conditions = { all: [{ fact, operator: 'in', value: [aimed ?? fakeId(), fakeId(), fakeId()] }] };
    } else if (x < 0.85) {
      conditions = {
        all: [
          { fact: 'hsHeading', operator: 'equal', value: hs(4) },
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: keywords() },
          { fact: 'unitPriceKrwPerKg', operator: 'lessThan', value: unitPrice !== null ? Math.ceil(unitPrice * 1.1) + 1 : Math.round(100 + r() * 5_000) },
        ],
      };
    } else if (x < 0.98) {
      conditions = {
        all: [
          { fact: 'hsHeading', operator: 'equal', value: hs(4) },
          { fact: 'originCountry', operator: 'equal', value: country() },
          { fact: 'departureCountry', operator: 'equal', value: target ? target.departureCountry : pick(countries) },
          { fact: 'taxRate', operator: 'greaterThanInclusive', value: target ? Math.floor(target.taxRate) : Math.floor(r() * 20) },
        ],
      };
    } else {
      conditions = {
        all: [
          { fact: 'unitPriceKrwPerKg', operator: 'lessThan', value: Math.round(1 + r() * 9) },
          { fact: 'netMassKg', operator: 'greaterThan', value: Math.round(20_000 + r() * 200_000) },
        ],
      };
    }
    let officeId: string | null = r() < 0.3 ? pick(offices) : null;
    if (officeId !== null && (perOffice.get(officeId) ?? 0) >= 999) officeId = null;
    const local = officeId !== null;
    if (local) perOffice.set(officeId!, (perOffice.get(officeId!) ?? 0) + 1);
    const seq = String(i % 1000).padStart(3, '0');
    const block = Math.floor(i / 1000);
    out.push({
      id: local ? `LOC-${officeId}-${String(perOffice.get(officeId!)).padStart(3, '0')}` : `CEN-B${String.fromCharCode(65 + (block % 26))}${String.fromCharCode(65 + Math.floor(block / 26))}-${seq}`,
      version: 1,
      scope: local ? 'LOCAL' : 'CENTRAL',
      officeId,
      lane: r() < 0.3 ? 'RED' : 'YELLOW',
      riskArea: pick(RISK_AREAS),
      reason: 'benchmark criterion',
      pointsOfInterest: 'benchmark',
      keywords: ['benchmark', 'generated', 'criterion'],
      validFrom: '2021-01-01',
      validTo: '2021-12-31',
      status: 'ACTIVE',
      conditions,
    });
  }
  return out;
}
