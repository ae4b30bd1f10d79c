import { describe, expect, it } from 'vitest';
import type { ConsoleTab } from './console-tabs';
import { tabIdentity } from './tab-identity';

const PROD = '111111111111';
const DEV = '222222222222';
const opened: ConsoleTab = { portalId: 'p', accountId: PROD, roleName: 'AdministratorAccess', expiresAt: 5 };
const SINGLE = 'https://us-east-1.console.aws.amazon.com/console/home';
const asOpened = { accountId: PROD, roleName: 'AdministratorAccess', expiresAt: 5 };

describe('whom the tag names', () => {
  it('a tab we opened: what we opened, whether the page agrees or says nothing', () => {
    expect(tabIdentity(opened, {}, SINGLE)).toEqual(asOpened);
    expect(tabIdentity(opened, { accountId: PROD }, SINGLE)).toEqual(asOpened);
    expect(tabIdentity(opened, { accountId: PROD, roleName: 'administratoraccess' }, SINGLE)).toEqual(
      asOpened,
    );
  });

  it('a page that names another account: still what we opened, with what the page says as a mismatch', () => {
    expect(tabIdentity(opened, { accountId: DEV, roleName: 'ReadOnly' }, SINGLE)).toEqual({
      ...asOpened,
      mismatch: { accountId: DEV, roleName: 'ReadOnly' },
    });
    expect(tabIdentity(opened, { accountId: DEV }, SINGLE)?.mismatch).toEqual({
      accountId: DEV,
      roleName: null,
    });
  });

  it('a page that names another role of the same account: a mismatch too', () => {
    expect(tabIdentity(opened, { accountId: PROD, roleName: 'ReadOnly' }, SINGLE)?.mismatch).toEqual({
      accountId: PROD,
      roleName: 'ReadOnly',
    });
  });

  it('a tab we did not open: what the page says, or nothing', () => {
    expect(tabIdentity(undefined, { accountId: DEV, roleName: 'ReadOnly' }, SINGLE)).toEqual({
      accountId: DEV,
      roleName: 'ReadOnly',
    });
    expect(tabIdentity(undefined, { accountId: DEV }, SINGLE)).toEqual({ accountId: DEV, roleName: null });
    expect(tabIdentity(undefined, {}, SINGLE)).toBeNull();
  });

  it('a multi-session host naming another account (the browser reports it, page script cannot forge it): the tab moved to another session, so the page is read', () => {
    const other = `https://${DEV}-abcd1234.us-east-1.console.aws.amazon.com/console/home`;
    expect(tabIdentity(opened, { accountId: DEV, roleName: 'ReadOnly' }, other)).toEqual({
      accountId: DEV,
      roleName: 'ReadOnly',
    });
  });

  it('a multi-session host naming the account we opened: the page cannot claim another role unnoticed', () => {
    const same = `https://${PROD}-abcd1234.us-east-1.console.aws.amazon.com/console/home`;
    expect(tabIdentity(opened, { accountId: PROD, roleName: 'ReadOnly' }, same)?.mismatch).toEqual({
      accountId: PROD,
      roleName: 'ReadOnly',
    });
    expect(tabIdentity(opened, {}, 'not a url')).toEqual(asOpened);
  });
});
