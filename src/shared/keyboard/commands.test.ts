import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { COMMAND, FAVORITE_COMMANDS, favoriteCommand, favoriteNumber } from './commands';

const commands = manifest.commands as Record<
  string,
  { suggested_key?: { default: string }; description: string }
>;

describe('the keyboard commands in manifest.json', () => {
  it('are exactly the ones the background runs', () => {
    const expected = [
      ...Object.values(COMMAND),
      ...Array.from({ length: FAVORITE_COMMANDS }, (_, i) => favoriteCommand(i + 1)),
    ];
    expect(new Set(Object.keys(commands))).toEqual(new Set(expected));
  });

  it('suggest at most four keys (Chrome ignores the rest), none with Ctrl+Alt and none Chrome reserves', () => {
    const keys = Object.values(commands).flatMap((c) => (c.suggested_key ? [c.suggested_key.default] : []));
    expect(keys.length).toBeLessThanOrEqual(4);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(key).toMatch(/^(Ctrl|Alt)\+/);
      expect(key).not.toMatch(/Ctrl\+Alt|Alt\+Ctrl/);
      // Keys Chromium 156 on Linux refused to assign (tried one by one, README "Keyboard shortcuts"), Chrome's
      // own Alt+Shift+I (feedback) and Alt+Shift+A (inactive dialogs), and the AWS console's Alt+S (search).
      expect(['Alt+Shift+R', 'Alt+Shift+W', 'Alt+Shift+P', 'Alt+Shift+N', 'Alt+Shift+Z']).not.toContain(key);
      expect(['Alt+Shift+I', 'Alt+Shift+A', 'Alt+S']).not.toContain(key);
    }
  });

  it('describe every command but the popup one (Chrome ignores that description)', () => {
    for (const [name, c] of Object.entries(commands))
      if (name !== COMMAND.openPopup) expect(c.description).not.toBe('');
  });
});

describe('favoriteNumber', () => {
  it.each([
    ['open-favorite-1', 1],
    ['open-favorite-9', 9],
    ['open-favorite-0', null],
    ['open-favorite-10', null],
    ['reopen-last-role', null],
  ])('%s → %s', (name, n) => expect(favoriteNumber(name)).toBe(n));
});
