import type { PartyReason, PartyRole } from './party.types';

/** The party roles: a declaration's in the order it lists them, then an express waybill's shipper and consignee, then a passenger. */
export const PARTY_ROLES: readonly PartyRole[] = ['DECLARANT', 'IMPORTER', 'SELLER', 'COURIER', 'SHIPPER', 'CONSIGNEE', 'PASSENGER'];

/** The reason codes of `PartyReason`, each translated as `party.reason.<code>`. */
export const PARTY_REASON_CODES: ReadonlyArray<PartyReason['code']> = ['NOT_SEEN', 'NO_SEIZURES', 'OWN_SEIZURES', 'SEIZED_COUNTERPARTIES', 'NEAREST_SEIZURE', 'UNREACHABLE', 'SCORE'];

/** The router link of a party's page: `/parties/<ROLE>:<id>`. */
export function partyLink(role: PartyRole, id: string): string[] {
  return ['/parties', `${role}:${id}`];
}

/** The parties of a declaration as the trace links them: role and id, seller and courier when present. */
export function declarationPartyLinks(d: { declarantId: string; importerId: string; sellerId?: string | null; courierId?: string | null }): Array<{ role: PartyRole; id: string; link: string[] }> {
  const ids: Array<[PartyRole, string | null | undefined]> = [['DECLARANT', d.declarantId], ['IMPORTER', d.importerId], ['SELLER', d.sellerId], ['COURIER', d.courierId]];
  return ids.filter((x): x is [PartyRole, string] => !!x[1]).map(([role, id]) => ({ role, id, link: partyLink(role, id) }));
}

/** Risk bands of a propagated score (0..1) for colouring nodes: none (0), low (< 0.1), medium (< 0.4), high. */
export type RiskBand = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';
export const RISK_BANDS: readonly RiskBand[] = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];

/** The band of a score: 0 none, below 0.1 low, below 0.4 medium, else high (the scale is relative to the network's riskiest party). */
export function riskBand(score: number): RiskBand {
  if (!(score > 0)) return 'NONE';
  if (score < 0.1) return 'LOW';
  if (score < 0.4) return 'MEDIUM';
  return 'HIGH';
}

/** Fill colour of a node by its band (light to dark red; grey for no risk). */
export const BAND_COLOURS: Record<RiskBand, string> = { NONE: '#c4c7c5', LOW: '#f9c9a8', MEDIUM: '#f08a5d', HIGH: '#c62828' };

/** The translation of a reason: `party.reason.<code>` with its parameters (a score shown with 3 decimals). */
export function reasonText(reason: PartyReason): { key: string; params: Record<string, string | number> } {
  return { key: `party.reason.${reason.code}`, params: { ...reason.params } };
}

/** A node's label in the drawing: a short role tag and the id (`IMP QLRUBN9`). */
export function nodeLabel(role: PartyRole, id: string): string {
  return `${role.slice(0, 3)} ${id}`;
}

/** Every i18n key the party page composes (for the i18n key spec). */
export function partyComposedKeys(): string[] {
  return [...PARTY_REASON_CODES.map((c) => `party.reason.${c}`), ...PARTY_ROLES.map((r) => `party.role.${r}`), ...RISK_BANDS.map((b) => `party.band.${b}`)];
}

/** Today's date (UTC), YYYY-MM-DD: the API's default as-of date. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A point of the drawing, in the drawing's own units (cytoscape fits them to the canvas). */
export interface Point {
  x: number;
  y: number;
}

/**
 * A radial tree layout of the neighbourhood, deterministic: the party in the centre, its
 * counterparties (hops 1) evenly on an inner ring in the API's order (most shared declarations
 * first, from the top, clockwise), and each 2-hop party on an outer ring inside the sector of the
 * counterparty it shares most declarations with, so the ties read outward from the centre. Rings
 * grow with the number of parties so labels keep about 40 units apart.
 * @returns node key -> position.
 */
export function radialPositions(nodes: ReadonlyArray<{ key: string; hops: number }>, edges: ReadonlyArray<{ source: string; target: string; weight: number }>): Map<string, Point> {
  const positions = new Map<string, Point>();
  const first = nodes.filter((n) => n.hops === 1).map((n) => n.key);
  const second = nodes.filter((n) => n.hops === 2).map((n) => n.key);
  const r1 = Math.max(130, (first.length * 40) / (2 * Math.PI));
  const r2 = Math.max(r1 + 130, (second.length * 40) / (2 * Math.PI));
  const at = (radius: number, angle: number): Point => ({ x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) });
  for (const n of nodes) if (n.hops === 0) positions.set(n.key, { x: 0, y: 0 });
  const sector = (2 * Math.PI) / Math.max(1, first.length);
  const angleOf = new Map<string, number>();
  first.forEach((key, i) => {
    const angle = -Math.PI / 2 + i * sector;
    angleOf.set(key, angle);
    positions.set(key, at(r1, angle));
  });
  // Each 2-hop party under its heaviest tie among the counterparties (first in ring order on a tie).
  const parentOf = new Map<string, string>();
  const bestWeight = new Map<string, number>();
  for (const e of edges) {
    for (const [outer, inner] of [[e.source, e.target], [e.target, e.source]]) {
      if (!second.includes(outer) || !angleOf.has(inner)) continue;
      const best = bestWeight.get(outer) ?? 0;
      const current = parentOf.get(outer);
      if (e.weight > best || (e.weight === best && current !== undefined && first.indexOf(inner) < first.indexOf(current))) {
        parentOf.set(outer, inner);
        bestWeight.set(outer, e.weight);
      }
    }
  }
  const children = new Map<string, string[]>();
  const orphans: string[] = [];
  for (const key of second) {
    const parent = parentOf.get(key);
    if (parent === undefined) orphans.push(key);
    else children.set(parent, [...(children.get(parent) ?? []), key]);
  }
  for (const [parent, keys] of children) {
    const centre = angleOf.get(parent)!;
    const step = (sector * 0.9) / keys.length;
    keys.forEach((key, j) => positions.set(key, at(r2, centre + (j - (keys.length - 1) / 2) * step)));
  }
  orphans.forEach((key, i) => positions.set(key, at(r2 + 60, -Math.PI / 2 + (i * 2 * Math.PI) / orphans.length)));
  return positions;
}
