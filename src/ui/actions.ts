import { browser } from '../shared/browser';
import type { RoleEntry } from '../shared/directory/model';
import type { MessageFrom, MessagePayload, MessageType, ProtocolMap } from '../shared/messages/contract';
import { sendMessage } from '../shared/messages/send';
import { onUiChanged } from '../shared/messages/ui-changed';

/** What the background's reply to message `T` resolves to: the contract's `ProtocolMap`, never written again here. */
type Ask<T extends MessageType> = Promise<ProtocolMap[T]>;

/**
 * The frame `Actions` must fit: one method per message the extension's pages may send, answering with that
 * message's reply type. A method missing, or declaring another reply, fails to compile (actions.test-d.ts).
 */
export type MessageMethods = { [T in MessageFrom<'extension'>]: (...args: never[]) => Ask<T> };

type Role = Pick<RoleEntry, 'portalId' | 'accountId' | 'roleName'>;
type ImportMode = MessagePayload<'previewImport'>['mode'];
type TrustedStartUrls = readonly NonNullable<MessagePayload<'applyImport'>['trustedStartUrls']>[number][];

/**
 * Everything the popup and options page may ask of the extension. Components receive this object instead of
 * calling browser APIs, so they stay presentational and unit-testable with a hand-written fake. Arguments are
 * shaped for the callers; payload and reply types come from the contract.
 */
export interface Actions extends MessageMethods {
  getStatus(): Ask<'getStatus'>;
  /** The settings page; with `addPortal`, a new tab of it with the add-portal form filled in. */
  openOptions(addPortal?: { startUrl: string }): Promise<void>;
  listPortals(): Ask<'listPortals'>;
  addPortal(input: MessagePayload<'addPortal'>): Ask<'addPortal'>;
  renamePortal(portalId: string, name: string): Ask<'renamePortal'>;
  setPortalIpStack(
    portalId: string,
    ipStack: MessagePayload<'setPortalIpStack'>['ipStack'],
  ): Ask<'setPortalIpStack'>;
  removePortal(portalId: string): Ask<'removePortal'>;
  forgetCachedAccounts(portalId: string): Ask<'forgetCachedAccounts'>;
  signIn(portalId: string): Ask<'signIn'>;
  cancelSignIn(portalId: string): Ask<'cancelSignIn'>;
  signOut(portalId: string): Ask<'signOut'>;
  getPreferences(): Ask<'getPreferences'>;
  updateAccountPrefs(
    accountId: string,
    patch: MessagePayload<'updateAccountPrefs'>['patch'],
  ): Ask<'updateAccountPrefs'>;
  syncDirectory(portalId: string, force: boolean): Ask<'syncDirectory'>;
  openConsole(role: Role, options: { newTab: boolean }): Ask<'openConsole'>;
  /** A role's temporary credentials as text to paste; `format` absent: the one used last. */
  getCliCredentials(
    role: Role,
    format?: MessagePayload<'getCliCredentials'>['format'],
  ): Ask<'getCliCredentials'>;
  updatePreferences(patch: MessagePayload<'updatePreferences'>): Ask<'updatePreferences'>;
  removeConsoleContainers(): Ask<'removeConsoleContainers'>;
  setKeepSignedIn(keepSignedIn: boolean): Ask<'setKeepSignedIn'>;
  setTagging(parts: MessagePayload<'setTagging'>): Ask<'setTagging'>;
  bulkUpdateAccountPrefs(
    accountIds: readonly string[],
    patch: MessagePayload<'bulkUpdateAccountPrefs'>['patch'],
  ): Ask<'bulkUpdateAccountPrefs'>;
  exportSettings(): Ask<'exportSettings'>;
  previewImport(text: string, mode: ImportMode): Ask<'previewImport'>;
  applyImport(text: string, mode: ImportMode, trustedStartUrls: TrustedStartUrls): Ask<'applyImport'>;
  resetSettings(): Ask<'resetSettings'>;
  getSettingsNotice(): Ask<'getSettingsNotice'>;
  dismissSettingsNotice(): Ask<'dismissSettingsNotice'>;
  getManagedSettings(): Ask<'getManagedSettings'>;
  /** Calls back when the background says what we show may have changed. Returns the unsubscribe function. */
  onChange(callback: () => void): () => void;
}

export function createActions(): Actions {
  return {
    getStatus: () => sendMessage('getStatus', {}),
    openOptions: async (addPortal) => {
      if (!addPortal) return browser.runtime.openOptionsPage();
      const page = (browser.runtime.getManifest() as { options_ui?: { page?: string } }).options_ui?.page;
      const query = new URLSearchParams({ startUrl: addPortal.startUrl });
      await browser.tabs.create({ url: `${browser.runtime.getURL(page ?? '')}?${query}` });
    },
    listPortals: () => sendMessage('listPortals', {}),
    addPortal: (input) => sendMessage('addPortal', input),
    renamePortal: (portalId, name) => sendMessage('renamePortal', { portalId, name }),
    setPortalIpStack: (portalId, ipStack) => sendMessage('setPortalIpStack', { portalId, ipStack }),
    removePortal: (portalId) => sendMessage('removePortal', { portalId }),
    forgetCachedAccounts: (portalId) => sendMessage('forgetCachedAccounts', { portalId }),
    signIn: (portalId) => sendMessage('signIn', { portalId }),
    cancelSignIn: (portalId) => sendMessage('cancelSignIn', { portalId }),
    signOut: (portalId) => sendMessage('signOut', { portalId }),
    getPreferences: () => sendMessage('getPreferences', {}),
    updateAccountPrefs: (accountId, patch) => sendMessage('updateAccountPrefs', { accountId, patch }),
    syncDirectory: (portalId, force) => sendMessage('syncDirectory', { portalId, force }),
    openConsole: ({ portalId, accountId, roleName }, { newTab }) =>
      sendMessage('openConsole', { portalId, accountId, roleName, newTab }),
    getCliCredentials: ({ portalId, accountId, roleName }, format) =>
      sendMessage('getCliCredentials', { portalId, accountId, roleName, ...(format ? { format } : {}) }),
    updatePreferences: (patch) => sendMessage('updatePreferences', patch),
    removeConsoleContainers: () => sendMessage('removeConsoleContainers', {}),
    setKeepSignedIn: (keepSignedIn) => sendMessage('setKeepSignedIn', { keepSignedIn }),
    setTagging: (parts) => sendMessage('setTagging', parts),
    bulkUpdateAccountPrefs: (accountIds, patch) =>
      sendMessage('bulkUpdateAccountPrefs', { accountIds: [...accountIds], patch }),
    exportSettings: () => sendMessage('exportSettings', {}),
    previewImport: (text, mode) => sendMessage('previewImport', { text, mode }),
    applyImport: (text, mode, trusted) =>
      sendMessage('applyImport', { text, mode, trustedStartUrls: [...trusted] }),
    resetSettings: () => sendMessage('resetSettings', {}),
    getSettingsNotice: () => sendMessage('getSettingsNotice', {}),
    dismissSettingsNotice: () => sendMessage('dismissSettingsNotice', {}),
    getManagedSettings: () => sendMessage('getManagedSettings', {}),
    onChange: onUiChanged,
  };
}
