import { Declaration } from '@customs/domain';
import { ConditionNode, RISK_AREAS, SelectivityCriterion } from '@customs/selectivity';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const COMMON_WORDS = new Set(['other', 'others', 'than', 'with', 'whether', 'not', 'and', 'for', 'the', 'heading', 'including', 'parts']);

/**
 * Realistic selectivity criteria for benchmarks, seeded: ACTIVE, valid over 2021, 70%
 * CENTRAL and 30% LOCAL to the sample's offices, shaped like the seed criteria in `rules/`:
 * - 35% HS prefix (4 or 6 digits) with a goods keyword, some with an origin list;
 * - 20% watch-listed importer (equal), sometimes with a duty-rate floor;
 * - 15% declarant or seller list (in);
 * - 15% goods keyword with a unit-price ceiling (undervaluation);
 * - 13% HS chapter with origin countries and a duty-rate floor (any of two chapters);
 * - 2% numeric only (no equality, prefix or keyword: every declaration is a candidate).
 * About one in ten draws its ids, codes and words from the sample so criteria do fire.
 */
export function generateCriteria(n: number, decls: readonly Declaration[], seed: number): SelectivityCriterion[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const fakeId = () => Array.from({ length: 7 }, () => pick([...ID_CHARS])).join('');
  const fromSample = () => r() < 0.1;
  const d = () => pick(decls);
  const offices = [...new Set(decls.map((x) => x.officeId))];
  const countries = [...new Set(decls.map((x) => x.originCountry))];
  const words = [
    ...new Set(
      decls.flatMap((x) => (x.goodsDescription ?? '').toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 5 && !COMMON_WORDS.has(w)),
    ),
  ];
  const keywords = () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(words));
  const hsPrefix = (len: number) => (fromSample() ? d().hsCode : String(10 + Math.floor(r() * 88)) + String(Math.floor(r() * 10_000)).padStart(4, '0')).slice(0, len);
  const importer = () => (fromSample() ? d().importerId : fakeId());
  const out: SelectivityCriterion[] = [];
  const perOffice = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const x = r();
    let conditions: { all: ConditionNode[] };
    if (x < 0.35) {
      conditions = {
        all: [
          { fact: 'hsCode', operator: 'hsStartsWithAny', value: [hsPrefix(r() < 0.5 ? 4 : 6), hsPrefix(4)] },
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: keywords() },
          ...(r() < 0.3 ? [{ fact: 'originCountry' as const, operator: 'in' as const, value: [pick(countries), pick(countries)] }] : []),
        ],
      };
    } else if (x < 0.55) {
      conditions = {
        all: [
          { fact: 'importerId', operator: 'equal', value: importer() },
          ...(r() < 0.4 ? [{ fact: 'taxRate' as const, operator: 'greaterThanInclusive' as const, value: Math.floor(r() * 10) }] : []),
        ],
      };
    } else if (x < 0.7) {
      const fact = r() < 0.5 ? 'declarantId' : 'sellerId';
      const v = () => (fromSample() ? ((d() as unknown as Record<string, string | null>)[fact] ?? fakeId()) : fakeId());
      conditions = { all: [{ fact, operator: 'in', value: [v(), v(), v()] }] };
    } else if (x < 0.85) {
      conditions = {
        all: [
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: keywords() },
          { fact: 'unitPriceKrwPerKg', operator: 'lessThan', value: Math.round(100 + r() * 5_000) },
        ],
      };
    } else if (x < 0.98) {
      conditions = {
        all: [
          { any: [{ fact: 'hsChapter', operator: 'equal', value: hsPrefix(2) }, { fact: 'hsChapter', operator: 'equal', value: hsPrefix(2) }] },
          { fact: 'originCountry', operator: 'in', value: [pick(countries), pick(countries), pick(countries)] },
          { fact: 'taxRate', operator: 'greaterThan', value: Math.floor(r() * 20) },
        ],
      };
    } else {
      conditions = {
        all: [
          { fact: 'unitPriceKrwPerKg', operator: 'lessThan', value: Math.round(1 + r() * 50) },
          { fact: 'netMassKg', operator: 'greaterThan', value: Math.round(1_000 + r() * 50_000) },
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
