import type { Handlers } from '../messaging/handle-message';
import { updateAccountPrefs } from './account-prefs';
import { checkDeviceCode } from './check-device-code';
import { getCliCredentials, openConsole } from './console';
import { syncDirectory } from './directory';
import { getStatus } from './get-status';
import { getTabDisplay } from './get-tab-display';
import { addPortal, forgetCachedAccounts, listPortals, removePortal, renamePortal } from './portals';
import { getPreferences, setKeepSignedIn, setTagging, updatePreferences } from './preferences';
import { cancelSignIn, signIn, signOut } from './sign-in';

/** Every message the background answers, by type. */
export const handlers: Handlers = {
  getStatus,
  getTabDisplay,
  checkDeviceCode,
  listPortals,
  addPortal,
  renamePortal,
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
  updatePreferences,
};
