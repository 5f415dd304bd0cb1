import type { PartyReason, PartyRole } from './party.types';

/** The party roles, in the order a declaration lists them. */
export const PARTY_ROLES: readonly PartyRole[] = ['DECLARANT', 'IMPORTER', 'SELLER', 'COURIER'];

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
