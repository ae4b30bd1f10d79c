import type { Handlers } from '../messaging/handle-message';
import { updateAccountPrefs } from './account-prefs';
import { bulkUpdateAccountPrefs } from './account-prefs-bulk';
import { checkDeviceCode } from './check-device-code';
import { getCliCredentials, openConsole, removeConsoleContainers } from './console';
import { syncDirectory } from './directory';
import { getStatus } from './get-status';
import { getTabDisplay } from './get-tab-display';
import { getManagedSettings } from './managed-settings';
import { setPortalIpStack } from './portal-ip-stack';
import { addPortal, forgetCachedAccounts, listPortals, removePortal, renamePortal } from './portals';
import { getPreferences, setKeepSignedIn, setTagging, updatePreferences } from './preferences';
import { applyImport, exportSettings, previewImport, resetSettings } from './settings-data';
import { dismissSettingsNotice, getSettingsNotice } from './settings-notice';
import { cancelSignIn, signIn, signOut } from './sign-in';

/** Every message the background answers, by type. */
export const handlers: Handlers = {
  getStatus,
  getTabDisplay,
  checkDeviceCode,
  listPortals,
  addPortal,
  renamePortal,
  setPortalIpStack,
  removePortal,
  forgetCachedAccounts,
  signIn,
  cancelSignIn,
  signOut,
  getPreferences,
  setKeepSignedIn,
  setTagging,
  updateAccountPrefs,
  syncDirectory,
  openConsole,
  getCliCredentials,
  removeConsoleContainers,
  updatePreferences,
  exportSettings,
  previewImport,
  applyImport,
  resetSettings,
  getSettingsNotice,
  dismissSettingsNotice,
  getManagedSettings,
  bulkUpdateAccountPrefs,
};
