import { isTextField, keyAction } from './xray-keys';

describe('X-ray keys', () => {
  it('maps R, I and H to the decisions, in either case', () => {
    expect(keyAction({ key: 'r', code: 'KeyR' }, false)).toEqual({ kind: 'decide', decision: 'RELEASE' });
    expect(keyAction({ key: 'I', code: 'KeyI', shiftKey: true }, false)).toEqual({ kind: 'decide', decision: 'INSPECT' });
    expect(keyAction({ key: 'h', code: 'KeyH' }, false)).toEqual({ kind: 'decide', decision: 'HOLD' });
  });

  it('works with the Korean input mode on (the physical key decides) and follows the letter on other Latin layouts', () => {
    expect(keyAction({ key: 'ㄱ', code: 'KeyR' }, false)).toEqual({ kind: 'decide', decision: 'RELEASE' });
    expect(keyAction({ key: 'ㅑ', code: 'KeyI' }, false)).toEqual({ kind: 'decide', decision: 'INSPECT' });
    expect(keyAction({ key: 'ㅗ', code: 'KeyH' }, false)).toEqual({ kind: 'decide', decision: 'HOLD' });
    // Dvorak: the key labelled R sits on QWERTY's O.
    expect(keyAction({ key: 'r', code: 'KeyO' }, false)).toEqual({ kind: 'decide', decision: 'RELEASE' });
    expect(keyAction({ key: 'o', code: 'KeyR' }, false)).toBeNull();
  });

  it('toggles the help on ? and closes it on Escape', () => {
    expect(keyAction({ key: '?', code: 'Slash', shiftKey: true }, false)).toEqual({ kind: 'toggleHelp' });
    expect(keyAction({ key: 'Escape', code: 'Escape' }, false)).toEqual({ kind: 'closeHelp' });
  });

  it('leaves browser shortcuts, held-down keys, IME composition and typing alone', () => {
    expect(keyAction({ key: 'r', code: 'KeyR', ctrlKey: true }, false)).toBeNull();
    expect(keyAction({ key: 'r', code: 'KeyR', metaKey: true }, false)).toBeNull();
    expect(keyAction({ key: 'r', code: 'KeyR', altKey: true }, false)).toBeNull();
    expect(keyAction({ key: 'r', code: 'KeyR', repeat: true }, false)).toBeNull();
    expect(keyAction({ key: 'r', code: 'KeyR', isComposing: true }, false)).toBeNull();
    expect(keyAction({ key: 'r', code: 'KeyR' }, true)).toBeNull();
    expect(keyAction({ key: 'x', code: 'KeyX' }, false)).toBeNull();
    expect(keyAction({ key: 'Enter', code: 'Enter' }, false)).toBeNull();
  });

  it('knows what takes text', () => {
    expect(isTextField({ tagName: 'INPUT' })).toBe(true);
    expect(isTextField({ tagName: 'textarea' })).toBe(true);
    expect(isTextField({ tagName: 'SELECT' })).toBe(true);
    expect(isTextField({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextField({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextField({ tagName: 'BODY' })).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
