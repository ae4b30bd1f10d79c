import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetPendingConsole,
  PENDING_CONSOLE_MAX_AGE_MS,
  rememberPendingConsole,
  takePendingConsole,
} from './pending-console';

vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));

const role = { portalId: 'p1', accountId: '111122223333', roleName: 'ReadOnly' };

describe('a console request waiting for its sign-in', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is kept in storage.session only, per portal, and runs once', async () => {
    await rememberPendingConsole(role, { newTab: true }, 7);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get())).toEqual(['console.pending:p1']);
    expect(await takePendingConsole('p2')).toBeNull();
    expect(await takePendingConsole('p1')).toMatchObject({
      accountId: '111122223333',
      roleName: 'ReadOnly',
      newTab: true,
      originTabId: 7,
    });
    expect(await takePendingConsole('p1')).toBeNull();
  });

  it('keeps only the latest click of a portal', async () => {
    await rememberPendingConsole(role, { newTab: false }, undefined);
    await rememberPendingConsole({ ...role, roleName: 'Admin' }, { newTab: false, where: 'this-tab' }, 3);
    expect(await takePendingConsole('p1')).toMatchObject({ roleName: 'Admin', where: 'this-tab' });
  });

  it('is dropped when too old (a console must not open by surprise long after the click), or forgotten', async () => {
    await rememberPendingConsole(role, { newTab: false }, undefined);
    expect(await takePendingConsole('p1', Date.now() + PENDING_CONSOLE_MAX_AGE_MS + 1)).toBeNull();
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    await rememberPendingConsole(role, { newTab: false }, undefined);
    await forgetPendingConsole('p1');
    expect(await takePendingConsole('p1')).toBeNull();
  });

  it('ignores a stored value of the wrong shape', async () => {
    await fakeBrowser.storage.session.set({ 'console.pending:p1': { accountId: 1 } });
    expect(await takePendingConsole('p1')).toBeNull();
  });
});
