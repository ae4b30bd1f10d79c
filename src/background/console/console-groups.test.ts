import { describe, expect, it, vi } from 'vitest';
import { nearestColor } from './console-groups';

vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));

const GROUPS = { grey: '#5f6368', blue: '#1a73e8', red: '#d93025', green: '#188038' };

describe('group and container colours', () => {
  it('takes the named colour closest to the account colour', () => {
    expect(nearestColor('#d13212', GROUPS, 'grey')).toBe('red');
    expect(nearestColor('#2e8540', GROUPS, 'grey')).toBe('green');
    expect(nearestColor('#0073bb', GROUPS, 'grey')).toBe('blue');
  });

  it('falls back when the account has no colour, or a malformed one', () => {
    expect(nearestColor(undefined, GROUPS, 'grey')).toBe('grey');
    expect(nearestColor('red', GROUPS, 'grey')).toBe('grey');
    expect(nearestColor('#12345', GROUPS, 'grey')).toBe('grey');
  });
});
