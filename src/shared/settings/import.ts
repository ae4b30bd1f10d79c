import { browserSettingsStorage } from './browser-storage';
import { type ImportError, parseSettingsFile } from './import-file';
import { type ImportMode, type ImportPreview, planImport } from './import-plan';
import { normalise, readNormalised } from './pipeline';
import { applyPlan, planWrites, readSnapshot } from './snapshot';
import { type TrustedStartUrl, untrustedMessage, untrustedStartUrlChanges } from './start-url-trust';
import { SETTINGS_LOCK, type SettingsStorage, type Snapshot } from './storage-port';
import { viewOf, withSettings } from './view';

/**
 * Import in two steps, for a settings page that shows what will change before it changes: `importSettings`
 * parses and previews, writing nothing; `apply` re-reads storage under the settings lock, plans again against
 * what is stored then (another change may have happened since the preview) and writes only what differs.
 * Only portals, account settings and preferences are ever written: no secret, cache or device setting.
 */

export interface ImportOptions {
  readonly mode?: ImportMode;
  readonly now?: () => number;
  /** Id for a new portal; crypto.randomUUID by default. */
  readonly newId?: () => string;
  /** Start URLs of portals replace mode keeps although the file lacks them (those an administrator manages). */
  readonly keepPortalStartUrls?: readonly string[];
  /** Start URL changes the user confirmed; apply refuses any other (start-url-trust.ts). */
  readonly trustedStartUrls?: readonly TrustedStartUrl[];
}

export type ApplyResult =
  | {
      readonly ok: true;
      readonly preview: ImportPreview;
      /** Replace mode only: portals no longer configured. Sign them out and forget their secrets and cache. */
      readonly removedPortalIds: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

export type ImportResult =
  | { readonly ok: true; readonly preview: ImportPreview; apply(): Promise<ApplyResult> }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

const NEWER =
  'Settings here were saved by a newer version of AWS SSO Switcher. Update the extension before importing.';

export async function importSettings(
  text: string,
  options: ImportOptions = {},
  storage: SettingsStorage = browserSettingsStorage,
): Promise<ImportResult> {
  const parsed = parseSettingsFile(text);
  if (!parsed.ok) return parsed;
  const mode = options.mode ?? 'merge';
  const now = options.now ?? Date.now;
  const plan = (snapshot: Snapshot) =>
    planImport(
      viewOf(snapshot),
      parsed.settings,
      mode,
      parsed.warnings,
      options.newId,
      options.keepPortalStartUrls,
    );
  const normalised = normalise(await readSnapshot(storage), now());
  if (normalised.status === 'newer') return { ok: false, errors: [{ path: '(settings)', message: NEWER }] };
  return {
    ok: true,
    preview: plan(normalised.snapshot).preview,
    apply: () =>
      storage.withLock(SETTINGS_LOCK, async (): Promise<ApplyResult> => {
        const { before, result: current } = await readNormalised(storage, now());
        if (current.status === 'newer') return { ok: false, message: NEWER };
        const { preview, next, removedPortalIds } = plan(current.snapshot);
        const [untrusted] = untrustedStartUrlChanges(preview, options.trustedStartUrls ?? []);
        if (untrusted) return { ok: false, message: untrustedMessage(untrusted) };
        await applyPlan(storage, planWrites(before, withSettings(current.snapshot, next)), now());
        return { ok: true, preview, removedPortalIds };
      }),
  };
}
