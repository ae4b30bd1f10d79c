import { describe, expect, it } from 'vitest';
import type { SenderInfo } from './check-sender';
import { type Handlers, handleMessage } from './handle-message';
import { UserFacingError } from './user-facing-error';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const popup: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' };
const consoleTab: SenderInfo = {
  id: 'ext-id',
  url: 'https://eu-west-1.console.aws.amazon.com/s3',
  tab: { id: 7 },
};

const unused = async (): Promise<never> => {
  throw new Error('not called in these tests');
};

function handlersWith(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getStatus: async () => ({ version: '1.2.3' }),
    getTabDisplay: async (_payload, context) => ({
      accountId: String(context.tabId),
      label: 'x',
      roleName: 'r',
      color: '#000',
    }),
    checkDeviceCode: unused,
    listPortals: unused,
    getCliCredentials: unused,
    removeConsoleContainers: unused,
    updatePreferences: unused,
    addPortal: unused,
    renamePortal: unused,
    removePortal: unused,
    forgetCachedAccounts: unused,
    signIn: unused,
    cancelSignIn: unused,
    signOut: unused,
    getPreferences: unused,
    setKeepSignedIn: unused,
    setTagging: unused,
    updateAccountPrefs: unused,
    syncDirectory: unused,
    openConsole: unused,
    exportSettings: unused,
    previewImport: unused,
    applyImport: unused,
    resetSettings: unused,
    getSettingsNotice: unused,
    dismissSettingsNotice: unused,
    getManagedSettings: unused,
    bulkUpdateAccountPrefs: unused,
    ...overrides,
  } as Handlers;
}

describe('handleMessage', () => {
  it('runs the handler of a valid message from an allowed sender', async () => {
    await expect(
      handleMessage({ type: 'getStatus', payload: {} }, popup, self, handlersWith()),
    ).resolves.toEqual({
      ok: true,
      value: { version: '1.2.3' },
    });
  });

  it('tells a content-script handler which tab asked', async () => {
    const reply = await handleMessage(
      { type: 'getTabDisplay', payload: {} },
      consoleTab,
      self,
      handlersWith(),
    );
    expect(reply).toMatchObject({ ok: true, value: { accountId: '7' } });
  });

  it.each([
    ['null', null],
    ['a string', 'getStatus'],
    ['an array', [{ type: 'getStatus' }]],
    ['a number', 42],
    ['no type', { payload: {} }],
    ['an unknown type', { type: 'exportTokens', payload: {} }],
    ['a prototype key as type', { type: 'toString', payload: {} }],
    ['__proto__ as type', JSON.parse('{"type":"__proto__","payload":{}}')],
  ])('rejects %s as a bad request', async (_name, raw) => {
    const reply = await handleMessage(raw, popup, self, handlersWith());
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it.each([
    ['a missing payload', { type: 'getStatus' }],
    ['an extra field', { type: 'getStatus', payload: { x: 1 } }],
    ['a non-object payload', { type: 'getStatus', payload: 'x' }],
  ])('rejects %s as malformed', async (_name, raw) => {
    const reply = await handleMessage(raw, popup, self, handlersWith());
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/Malformed getStatus/) },
    });
  });

  it('refuses extension-only messages from a content script, and content messages from pages without a tab', async () => {
    const fromContent = await handleMessage(
      { type: 'getStatus', payload: {} },
      consoleTab,
      self,
      handlersWith(),
    );
    expect(fromContent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromPopup = await handleMessage(
      { type: 'getTabDisplay', payload: {} },
      popup,
      self,
      handlersWith(),
    );
    expect(fromPopup).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses other extensions', async () => {
    const other = { ...popup, id: 'someone-else' };
    const reply = await handleMessage({ type: 'getStatus', payload: {} }, other, self, handlersWith());
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('passes our own user-facing error messages through', async () => {
    const handlers = handlersWith({
      getStatus: async () => {
        throw new UserFacingError('The portal is offline. Check your connection.');
      },
    });
    const reply = await handleMessage({ type: 'getStatus', payload: {} }, popup, self, handlers);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'failed', message: 'The portal is offline. Check your connection.' },
    });
  });

  it('never echoes an unexpected exception message, which could contain a secret', async () => {
    const handlers = handlersWith({
      getStatus: async () => {
        throw new TypeError('fetch failed for token=eyJSECRET');
      },
    });
    const reply = await handleMessage({ type: 'getStatus', payload: {} }, popup, self, handlers);
    expect(JSON.stringify(reply)).not.toContain('SECRET');
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('TypeError') },
    });
  });
});
