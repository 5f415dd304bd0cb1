import type { SelectivityCriterion } from '@customs/selectivity';

/** Separates a criteria-set entry's validity extension from its version: `CEN-WPN-101@1~2026-12-28`. */
export const EXTENDED_TO = '~';

/** A criterion as screening compiles it, and the last day its validity was extended to (null: as stored). */
export interface EffectiveCriterion {
  definition: SelectivityCriterion;
  extendedTo: string | null;
}

/**
 * The validity screening applies to a criterion drafted from risk cases: the window's dates are
 * the criterion's validity (issue 13), so while a case's window is open the criterion is valid
 * at least to the window's last day (UTC, the day `windowEndsAt` falls on), however far the
 * window was extended past the stored `validTo`. The window's start and early end need no
 * dates: the criterion is in force only while the case is ACTIVE. A criterion no open window
 * drafted, or whose stored `validTo` already covers the window, is unchanged.
 * @param windowEndsAt the latest end of the ACTIVE windows it was drafted from, or null.
 */
export function withWindowValidity(definition: SelectivityCriterion, windowEndsAt: Date | null): EffectiveCriterion {
  if (!windowEndsAt) return { definition, extendedTo: null };
  const lastDay = windowEndsAt.toISOString().slice(0, 10);
  if (lastDay <= definition.validTo) return { definition, extendedTo: null };
  return { definition: { ...definition, validTo: lastDay }, extendedTo: lastDay };
}

/**
 * A criterion's entry in a criteria set (what a decision record names, so a replay compiles the
 * same criteria): `id@version`, with `~YYYY-MM-DD` when its validity was extended to that day.
 */
export function setEntry(c: EffectiveCriterion): string {
  const base = `${c.definition.id}@${c.definition.version}`;
  return c.extendedTo ? `${base}${EXTENDED_TO}${c.extendedTo}` : base;
}

/**
 * Reads a criteria-set entry back ({@link setEntry}).
 * @returns id, version and the day its validity was extended to (null when none).
 */
export function parseSetEntry(entry: string): { id: string; version: number; extendedTo: string | null } {
  const tilde = entry.indexOf(EXTENDED_TO);
  const versioned = tilde < 0 ? entry : entry.slice(0, tilde);
  const at = versioned.lastIndexOf('@');
  return { id: versioned.slice(0, at), version: Number(versioned.slice(at + 1)), extendedTo: tilde < 0 ? null : entry.slice(tilde + 1) };
}
