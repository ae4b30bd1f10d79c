import { browserSettingsStorage } from './browser-storage';
import { SETTINGS_VERSION } from './meta';
import { normalise } from './pipeline';
import { readSnapshot } from './snapshot';
import type { SettingsStorage, Snapshot } from './storage-port';
import { type SettingsView, viewOf } from './view';

/**
 * The settings file: what a user moves to another browser or an administrator hands out. It carries portals,
 * preferences that roam and per-account settings. Never secrets or caches (they are not even read), never this
 * browser's keepSignedIn, and not roleUsage: it is keyed by portal ids that differ between installations and is a
 * private usage history, not a choice.
 */
export const EXPORT_FORMAT = 'aws-sso-switcher/settings';

export interface SettingsFile {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: number;
  /** ISO 8601. */
  readonly exportedAt: string;
  readonly portals: SettingsView['portals'];
  readonly preferences: SettingsView['preferences'];
  readonly accountPrefs: SettingsView['accountPrefs'];
}

/** The file for a snapshot of the current version. */
export function buildExport(snapshot: Snapshot, now: number): SettingsFile {
  const view = viewOf(snapshot);
  return {
    format: EXPORT_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: new Date(now).toISOString(),
    portals: view.portals.map(({ id, startUrl, resolvedStartUrl, region, name, ipStack }) => ({
      id,
      startUrl,
      ...(resolvedStartUrl ? { resolvedStartUrl } : {}),
      region,
      ...(name ? { name } : {}),
      ...(ipStack ? { ipStack } : {}),
    })),
    preferences: view.preferences,
    accountPrefs: view.accountPrefs,
  };
}

export type ExportResult =
  | { readonly ok: true; readonly file: SettingsFile; readonly text: string; readonly filename: string }
  | { readonly ok: false; readonly message: string };

/** Reads, brings to the current version in memory (writing nothing) and formats the file. */
export async function exportSettings(
  storage: SettingsStorage = browserSettingsStorage,
  now: number = Date.now(),
): Promise<ExportResult> {
  const normalised = normalise(await readSnapshot(storage), now);
  if (normalised.status === 'newer') {
    return {
      ok: false,
      message: `These settings were saved by a newer version of AWS SSO Switcher (settings version ${normalised.storedVersion}). Update the extension to export them.`,
    };
  }
  const file = buildExport(normalised.snapshot, now);
  const day = file.exportedAt.slice(0, 10);
  return {
    ok: true,
    file,
    text: `${JSON.stringify(file, null, 2)}\n`,
    filename: `aws-sso-switcher-settings-${day}.json`,
  };
}
