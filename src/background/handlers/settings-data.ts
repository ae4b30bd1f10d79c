import type { ImportCheck, MessagePayload, SettingsExport } from '../../shared/messages/contract';
import { exportSettings as buildExportFile } from '../../shared/settings/export';
import { importSettings } from '../../shared/settings/import';
import { resetSettings as resetStoredSettings } from '../../shared/settings/reset';
import { untrustedMessage, untrustedStartUrlChanges } from '../../shared/settings/start-url-trust';
import { portalsItem } from '../../shared/storage/items';
import { UserFacingError } from '../messaging/user-facing-error';
import { releaseVanityAccess } from '../portals/resolve-vanity';
import { applyManagedSettings } from '../settings/apply-managed';
import { readLocks } from '../settings/locks';
import { notifyUi } from '../status/notify-ui';
import { cleanUpPortal } from './portals';

/**
 * The settings page's Data section: export, import (preview, then apply) and reset, over the settings model in
 * src/shared/settings. The model writes settings only; what a removed portal leaves behind (sign-in, secrets,
 * cache) is the background's, so it is cleaned up here.
 */

export async function exportSettings(): Promise<SettingsExport> {
  const result = await buildExportFile();
  if (!result.ok) throw new UserFacingError(result.message);
  return { filename: result.filename, text: result.text };
}

/** Portals the administrator configured: a replace keeps them whatever the file says. */
async function importOptions(mode: 'merge' | 'replace') {
  const { managed } = await readLocks();
  return { mode, keepPortalStartUrls: managed.portals.map((p) => p.startUrl) };
}

export async function previewImport({ text, mode }: MessagePayload<'previewImport'>): Promise<ImportCheck> {
  const result = await importSettings(text, await importOptions(mode));
  return result.ok ? { ok: true, preview: result.preview } : { ok: false, errors: [...result.errors] };
}

/**
 * Checks the file again (nothing trusts an earlier preview), applies it, then cleans up removed portals and
 * portals whose start URL changed (their sign-in belonged to the old one). A start URL change the user did not
 * confirm refuses the whole import before anything is signed out.
 */
export async function applyImport({
  text,
  mode,
  trustedStartUrls = [],
}: MessagePayload<'applyImport'>): Promise<ImportCheck> {
  const checked = await importSettings(text, { ...(await importOptions(mode)), trustedStartUrls });
  if (!checked.ok) return { ok: false, errors: [...checked.errors] };
  const untrusted = untrustedStartUrlChanges(checked.preview, trustedStartUrls);
  if (untrusted.length > 0)
    return {
      ok: false,
      errors: untrusted.map((p) => ({ path: '(settings)', message: untrustedMessage(p) })),
    };
  const { removed, startUrlChanged } = checked.preview.portals;
  const before = await portalsItem.get();
  // Signing out at AWS needs the portal still stored as it was, so these are signed out first.
  for (const portal of [...removed, ...startUrlChanged]) await cleanUpPortal(portal.id);
  const applied = await checked.apply();
  if (!applied.ok) return { ok: false, errors: [{ path: '(settings)', message: applied.message }] };
  // Normally the same portals; another change between the preview and the write may have added one.
  const done = new Set([...removed, ...startUrlChanged].map((p) => p.id));
  const late = [
    ...applied.removedPortalIds,
    ...applied.preview.portals.startUrlChanged.map((p) => p.id),
  ].filter((id) => !done.has(id));
  for (const portalId of late) await cleanUpPortal(portalId);
  // A company address no portal uses any more gives back the access the user granted for it.
  const after = await portalsItem.get();
  for (const old of before.filter((p) => !after.some((q) => q.startUrl === p.startUrl)))
    await releaseVanityAccess(old.startUrl, after).catch(() => undefined);
  // Managed portal names win again over the file's.
  await applyManagedSettings();
  await notifyUi();
  return { ok: true, preview: applied.preview };
}

/** Preferences, account settings and usage back to defaults; portals, sign-ins and keepSignedIn stay. */
export async function resetSettings(): Promise<{ cleared: string[] }> {
  const result = await resetStoredSettings();
  if (!result.ok) throw new UserFacingError(result.message);
  await notifyUi();
  return { cleared: [...result.cleared] };
}
