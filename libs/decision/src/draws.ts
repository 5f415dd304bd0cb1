import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';

/**
 * The random draws of one declaration, each a fraction in [0, 1): `control` decides whether an
 * otherwise-GREEN declaration joins the control sample (drawn when below the control share),
 * `exploration` whether one in the exploration band is inspected (drawn when below the band's
 * draw probability). Made deterministic (hashes of the seed and the declaration id), so a
 * replay draws exactly what the decision drew.
 */
export interface LaneDraws {
  control: number;
  exploration: number;
}

/**
 * A deterministic uniform draw: SHA-256 of the UTF-8 `key`, its first four bytes read as a
 * big-endian unsigned integer and divided by 2^32, so a fraction in [0, 1).
 * Pure JavaScript (@noble/hashes), so browsers and workflow code compute the same draws as the API.
 */
export function uniformDraw(key: string): number {
  const digest = sha256(utf8ToBytes(key));
  return (((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0) / 2 ** 32;
}

/** The exploration draw's seed, derived from the control seed so both draws are independent. */
export function explorationSeed(controlSeed: string): string {
  return `${controlSeed}:exploration`;
}

/**
 * The draws of a declaration: control = `uniformDraw(seed + ':' + declarationId)`, exploration =
 * `uniformDraw(explorationSeed(seed) + ':' + declarationId)`.
 * @param seed the control seed in force (`CONTROL_SEED`; recorded with every decision as `control.seed`).
 */
export function drawsFor(declarationId: string, seed: string): LaneDraws {
  return {
    control: uniformDraw(`${seed}:${declarationId}`),
    exploration: uniformDraw(`${explorationSeed(seed)}:${declarationId}`),
  };
}

/**
 * Whether a declaration is in the control sample: its control draw is below `share`.
 * @param share share of otherwise-GREEN declarations to inspect at random (0..1); 0 draws none.
 */
export function inControlSample(declarationId: string, seed: string, share: number): boolean {
  return share > 0 && uniformDraw(`${seed}:${declarationId}`) < share;
}
