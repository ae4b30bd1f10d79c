import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshTokenItem } from './secrets';

vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));

const sealed = { iv: 'iv', data: 'sealed' };

beforeEach(() => fakeBrowser.reset());

describe('where the long-lived secrets live', () => {
  it('follows the user’s keepSignedIn when no policy sets it', async () => {
    await fakeBrowser.storage.local.set({ 'preferences.device': { keepSignedIn: false } });
    await refreshTokenItem('p1').set(sealed);
    expect(await fakeBrowser.storage.session.get('auth.refresh:p1')).toEqual({ 'auth.refresh:p1': sealed });
    expect(await fakeBrowser.storage.local.get('auth.refresh:p1')).toEqual({});
  });

  it('keeps them off the disk when the policy says so, whatever storage.local claims', async () => {
    await fakeBrowser.storage.managed.set({ preferences: { keepSignedIn: false } });
    // What a content script could write to lift the policy (docs/security.md).
    await fakeBrowser.storage.local.set({ 'preferences.device': { keepSignedIn: true } });
    await refreshTokenItem('p1').set(sealed);
    expect(await fakeBrowser.storage.local.get('auth.refresh:p1')).toEqual({});
    expect(await refreshTokenItem('p1').get()).toEqual(sealed);
  });
});
