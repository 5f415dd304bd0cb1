import { Declaration } from '@customs/domain';
import { CRITERION_FACTS, declarationFacts, keywordTokens } from '@customs/selectivity';

/** The facts every peer engine receives for one declaration: ours, plus the goods description's word set. */
export type PeerFacts = Record<string, string | number | null | string[]> & {
  /**
   * The distinct word tokens of `goodsDescription` as our `containsAnyKeyword` sees them
   * (`keywordTokens`: lower-cased maximal runs of letters, digits and underscores), in order
   * of first appearance. A one-word keyword matches exactly when it is one of them.
   */
  words: string[];
};

/**
 * The facts of one declaration for the peers (pure), extracted by our own code
 * (`declarationFacts`: `hsChapter`, `hsHeading`, `unitPriceKrwPerKg` in KRW/kg or null,
 * `goodsDescription` '' when absent), restricted to the criterion facts (`CRITERION_FACTS`),
 * plus `words`. Extracted once per declaration, outside every timed loop.
 * @throws Error when a fact is undefined (the peers' typed fact classes need every field)
 */
export function peerFacts(decl: Declaration): PeerFacts {
  const all = declarationFacts(decl) as unknown as Record<string, unknown>;
  const out: Record<string, string | number | null | string[]> = {};
  for (const fact of CRITERION_FACTS) {
    const v = all[fact];
    if (v === undefined) throw new Error(`declaration ${decl.declarationId}: fact ${fact} is undefined`);
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw new Error(`declaration ${decl.declarationId}: fact ${fact} is a ${typeof v}`);
    out[fact] = v;
  }
  return { ...out, words: [...new Set(keywordTokens(String(all.goodsDescription)))] };
}
