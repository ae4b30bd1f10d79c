// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isListKey } from '../first-paint/hand-over';
import { altAction, keysOf, ROW_KEYS, ROW_KEYS_DESCRIPTION } from './row-keys';

describe('the keys of a row', () => {
  it('finds the action of an Alt+letter by the key pressed, whatever letter the layout prints', () => {
    expect(altAction({ altKey: true, code: 'KeyF' })).toBe('star');
    expect(altAction({ altKey: true, code: 'KeyE' })).toBe('edit');
    expect(altAction({ altKey: false, code: 'KeyE' })).toBeUndefined();
    expect(altAction({ altKey: true, code: 'KeyZ' })).toBeUndefined();
  });

  it('has one key per action, each described, and every one held back by the first paint until the app is there', () => {
    const actions = ROW_KEYS.map((k) => k.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const k of ROW_KEYS) {
      expect(ROW_KEYS_DESCRIPTION).toContain(`${k.keys} to ${k.does}`);
      const [modifier, key] = k.keys.includes('+') ? k.keys.split('+') : ['', k.keys];
      const event = new KeyboardEvent('keydown', {
        key: key ?? '',
        code: k.code ?? '',
        altKey: modifier === 'Alt',
        shiftKey: modifier === 'Shift',
      });
      expect(isListKey(event)).toBe(true);
    }
    expect(keysOf('credentials')).toBe('Alt+K');
  });
});
