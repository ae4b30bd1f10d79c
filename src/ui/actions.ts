import { browser } from '../shared/browser';
import type { CredentialFormat } from '../shared/credentials/formats';
import type { RoleEntry } from '../shared/directory/model';
import type {
  AddPortalResult,
  CliCredentials,
  ImportCheck,
  ManagedSettingsView,
  MessagePayload,
  SettingsExport,
  Status,
} from '../shared/messages/contract';
import { sendMessage } from '../shared/messages/send';
import { onUiChanged } from '../shared/messages/ui-changed';
import type { PortalView } from '../shared/portals/portal';
import type { SettingsNotice } from '../shared/settings/notice';
import type { TrustedStartUrl } from '../shared/settings/start-url-trust';
import type { Preferences } from '../shared/storage/items';

/**
 * Everything the popup and options page may ask of the extension. Components receive this object instead of
 * calling browser APIs, so they stay presentational and unit-testable with a hand-written fake.
 */
export interface Actions {
  getStatus(): Promise<Status>;
  /** The settings page; with `addPortal`, a new tab of it with the add-portal form filled in. */
  openOptions(addPortal?: { startUrl: string }): Promise<void>;
  listPortals(): Promise<PortalView[]>;
  addPortal(input: MessagePayload<'addPortal'>): Promise<AddPortalResult>;
  renamePortal(portalId: string, name: string): Promise<unknown>;
  setPortalIpStack(portalId: string, ipStack: 'auto' | 'ipv4' | 'dualstack'): Promise<unknown>;
  removePortal(portalId: string): Promise<unknown>;
  forgetCachedAccounts(portalId: string): Promise<unknown>;
  signIn(portalId: string): Promise<unknown>;
  cancelSignIn(portalId: string): Promise<unknown>;
  signOut(portalId: string): Promise<unknown>;
  getPreferences(): Promise<Preferences>;
  updateAccountPrefs(
    accountId: string,
    patch: MessagePayload<'updateAccountPrefs'>['patch'],
  ): Promise<unknown>;
  syncDirectory(portalId: string, force: boolean): Promise<unknown>;
  openConsole(
    role: Pick<RoleEntry, 'portalId' | 'accountId' | 'roleName'>,
    options: { newTab: boolean },
  ): Promise<unknown>;
  /** A role's temporary credentials as text to paste; `format` absent: the one used last. */
  getCliCredentials(
    role: Pick<RoleEntry, 'portalId' | 'accountId' | 'roleName'>,
    format?: CredentialFormat,
  ): Promise<CliCredentials>;
  updatePreferences(patch: MessagePayload<'updatePreferences'>): Promise<Preferences>;
  removeConsoleContainers(): Promise<{ removed: number }>;
  setKeepSignedIn(keepSignedIn: boolean): Promise<Preferences>;
  setTagging(parts: MessagePayload<'setTagging'>): Promise<Preferences>;
  bulkUpdateAccountPrefs(
    accountIds: readonly string[],
    patch: MessagePayload<'bulkUpdateAccountPrefs'>['patch'],
  ): Promise<{ updated: number; skippedLocked: number }>;
  exportSettings(): Promise<SettingsExport>;
  previewImport(text: string, mode: 'merge' | 'replace'): Promise<ImportCheck>;
  applyImport(
    text: string,
    mode: 'merge' | 'replace',
    trustedStartUrls: readonly TrustedStartUrl[],
  ): Promise<ImportCheck>;
  resetSettings(): Promise<{ cleared: string[] }>;
  getSettingsNotice(): Promise<SettingsNotice | null>;
  dismissSettingsNotice(): Promise<unknown>;
  getManagedSettings(): Promise<ManagedSettingsView>;
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
