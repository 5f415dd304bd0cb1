/** One disagreement between a peer engine and ours on one declaration. */
export interface FiredDifference {
  /** The peer engine's name, e.g. `opa`. */
  engine: string;
  declarationId: string;
  /** The criterion key (`id@vN`). */
  criterion: string;
  /** `missing`: ours fired it and the peer did not; `extra`: the peer fired it and ours did not. */
  kind: 'missing' | 'extra';
}

/**
 * The differences between a peer's fired keys and ours, declaration by declaration (pure).
 * @param ours per declaration, the keys our engine fired (any order)
 * @param peer per declaration, in the same order, the keys the peer fired (any order; duplicates ignored)
 * @param declarationIds the declarations' ids, same order
 * @returns every difference, in declaration order (empty when the peer agrees everywhere)
 * @throws Error when the peer did not report exactly one list per declaration
 */
export function firedDifferences(engine: string, ours: readonly (readonly string[])[], peer: readonly (readonly string[])[], declarationIds: readonly string[]): FiredDifference[] {
  if (peer.length !== ours.length || declarationIds.length !== ours.length) {
    throw new Error(`${engine}: ${peer.length} fired lists for ${ours.length} declarations`);
  }
  const out: FiredDifference[] = [];
  ours.forEach((mine, i) => {
    const theirs = new Set(peer[i]);
    const own = new Set(mine);
    const declarationId = declarationIds[i];
    for (const criterion of [...own].sort()) if (!theirs.has(criterion)) out.push({ engine, declarationId, criterion, kind: 'missing' });
    for (const criterion of [...theirs].sort()) if (!own.has(criterion)) out.push({ engine, declarationId, criterion, kind: 'extra' });
  });
  return out;
}

/** One line per difference, e.g. `opa: declaration 1234: CEN-BA-001@v1 fired by ours only`. */
export function describeDifference(d: FiredDifference): string {
  return `${d.engine}: declaration ${d.declarationId}: ${d.criterion} ${d.kind === 'missing' ? `fired by ours, not by ${d.engine}` : `fired by ${d.engine}, not by ours`}`;
}
