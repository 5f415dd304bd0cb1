import type { XrayDecision } from './xray.types';

/** What a key press on the X-ray page asks for. */
export type XrayKeyAction = { kind: 'decide'; decision: XrayDecision } | { kind: 'toggleHelp' } | { kind: 'closeHelp' };

/** The parts of a `KeyboardEvent` the page reads (a plain object in tests). */
export interface KeyPress {
  key: string;
  /** Physical key (`KeyR`), the same whatever the keyboard layout or input mode. */
  code?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Auto-repeat of a key held down. */
  repeat?: boolean;
  /** Inside an IME composition. */
  isComposing?: boolean;
}

/** The decision keys, in the order of the buttons: key letter and decision. */
export const DECISION_KEYS: ReadonlyArray<{ key: string; decision: XrayDecision }> = [
  { key: 'R', decision: 'RELEASE' },
  { key: 'I', decision: 'INSPECT' },
  { key: 'H', decision: 'HOLD' },
];

const BY_LETTER = new Map(DECISION_KEYS.map((k) => [k.key, k.decision]));

/**
 * The action of a key press, or null when the page leaves it alone: `R` release, `I` send to
 * inspection, `H` hold, `?` key help on / off, `Escape` closes the help. Letters are read from the
 * character when it is a Latin letter (so AZERTY or Dvorak users press the letter they see), else
 * from the physical key, so the keys still work with the Korean input mode on (`ㄱ` is the R key).
 * Ignored: presses with Ctrl, Alt or Meta (browser shortcuts), auto-repeat (a key held down must
 * not decide a run of parcels), IME composition, and typing in a form field (`inField`).
 */
export function keyAction(e: KeyPress, inField: boolean): XrayKeyAction | null {
  if (inField || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  if (e.key === 'Escape') return { kind: 'closeHelp' };
  if (e.repeat) return null;
  if (e.key === '?' || (e.code === 'Slash' && e.shiftKey)) return { kind: 'toggleHelp' };
  const letter = /^[a-z]$/i.test(e.key) ? e.key.toUpperCase() : /^Key[A-Z]$/.test(e.code ?? '') ? (e.code as string).slice(3) : null;
  const decision = letter ? BY_LETTER.get(letter) : undefined;
  return decision ? { kind: 'decide', decision } : null;
}

/**
 * True when a key press lands in something that takes text (input, textarea, select, an editable
 * element): the page's keys stay out of its way.
 */
export function isTextField(target: { tagName?: string; isContentEditable?: boolean } | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}
