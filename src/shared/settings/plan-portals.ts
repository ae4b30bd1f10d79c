import { type Portal, portalLabel } from '../portals/portal';
import { type FieldChange, fieldChanges } from './field-changes';
import type { ImportedPortal } from './import-file';

/**
 * What an import does to portals (the modes are described in import-plan.ts).
 *
 * A file's portal is the one here with the same start URL. Failing that, it is the same portal *by identity*
 * when it has the same id (the file came from this browser, or a copy of it) or, among the portals left, the
 * same name on exactly one portal on each side. Such a portal keeps its id, so the settings page, usage and
 * console tabs still know it, but takes the file's start URL: that is a **start URL change**, shown as
 * "old → new" and applied only once the user has confirmed it (start-url-trust.ts). A settings file is hostile
 * input (docs/security.md): a look-alike address under a familiar name is exactly what it would try, and as
 * "added: Acme / removed: Acme" it would pass unnoticed. Its sign-in belonged to the old start URL, so the
 * background signs it out and forgets its secrets and cached accounts, as for a removed portal.
 *
 * A portal an administrator manages keeps its start URL whatever the file says, and the file's portal of that
 * identity is left out, with a note (adding it beside the managed one would give two portals of one name).
 */

export interface PortalPreview {
  readonly id: string;
  readonly label: string;
  /** The start URL it has after the import; for a removed portal, the one it had. */
  readonly startUrl: string;
  /** A company address's AWS portal (docs/aws-protocol.md §3), when known. */
  readonly resolvedStartUrl?: string;
  /** Changed portals: each field that changes, before and after (name, ipStack, region). */
  readonly changes?: readonly FieldChange[];
  /** A start URL change only: what the portal had before. */
  readonly previous?: { readonly startUrl: string; readonly resolvedStartUrl?: string };
}

export interface PortalsPlan {
  readonly portals: Portal[];
  readonly added: PortalPreview[];
  readonly changed: PortalPreview[];
  readonly startUrlChanged: PortalPreview[];
  readonly removed: Portal[];
}

const nameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/** File portals not matched by start URL, paired with a portal here by id first, then by a name both have once. */
function matchByIdentity(current: Portal[], imported: ImportedPortal[]): Map<ImportedPortal, Portal> {
  const fileUrls = new Set(imported.map((p) => p.startUrl));
  const hereUrls = new Set(current.map((p) => p.startUrl));
  let free = current.filter((p) => !fileUrls.has(p.startUrl));
  let unmatched = imported.filter((p) => !hereUrls.has(p.startUrl));
  const matches = new Map<ImportedPortal, Portal>();
  const pair = (file: ImportedPortal, here: Portal) => {
    matches.set(file, here);
    free = free.filter((p) => p !== here);
    unmatched = unmatched.filter((p) => p !== file);
  };
  for (const file of [...unmatched]) {
    const here = file.id ? free.find((p) => p.id === file.id) : undefined;
    if (here) pair(file, here);
  }
  for (const file of [...unmatched]) {
    if (!file.name) continue;
    const key = nameKey(file.name);
    const here = free.filter((p) => p.name && nameKey(p.name) === key);
    const there = unmatched.filter((p) => p.name && nameKey(p.name) === key);
    if (here.length === 1 && there.length === 1 && here[0]) pair(file, here[0]);
  }
  return matches;
}

const optional = <K extends string, T>(key: K, value: T | undefined) =>
  (value !== undefined ? { [key]: value } : {}) as Partial<Record<K, T>>;

export function planPortals(
  current: Portal[],
  imported: ImportedPortal[] | undefined,
  mode: 'merge' | 'replace',
  newId: () => string,
  warnings: string[],
  keepStartUrls: readonly string[],
): PortalsPlan {
  const added: PortalPreview[] = [];
  const changed: PortalPreview[] = [];
  const startUrlChanged: PortalPreview[] = [];
  if (!imported) return { portals: current, added, changed, startUrlChanged, removed: [] };
  const ids = new Set(current.map((p) => p.id));
  const identity = matchByIdentity(current, imported);
  const updated = new Map<string, Portal>();
  /** The file's portals in its order: known ones updated, new ones with an id. */
  const inFileOrder: Portal[] = [];
  const freshIds = new Set<string>();
  /** The file's name and endpoints win; in merge mode what the file leaves out stays. */
  const merged = (file: ImportedPortal, known: Portal) => ({
    ...optional('name', file.name ?? (mode === 'merge' ? known.name : undefined)),
    ...optional('ipStack', file.ipStack ?? (mode === 'merge' ? known.ipStack : undefined)),
  });
  for (const portal of imported) {
    const sameUrl = current.find((p) => p.startUrl === portal.startUrl);
    const sameIdentity = identity.get(portal);
    if (sameUrl) {
      if (portal.region !== sameUrl.region) {
        warnings.push(
          `${portalLabel(sameUrl)}: kept region ${sameUrl.region} (the file says ${portal.region}); remove and add the portal to change it`,
        );
      }
      const { name: _name, ipStack: _ipStack, ...rest } = sameUrl;
      const next: Portal = { ...rest, ...merged(portal, sameUrl) };
      const changes = fieldChanges(sameUrl, next);
      if (changes.length > 0) changed.push({ ...shown(next), changes });
      updated.set(sameUrl.id, next);
      inFileOrder.push(next);
    } else if (sameIdentity && keepStartUrls.includes(sameIdentity.startUrl)) {
      warnings.push(
        `${portalLabel(sameIdentity)}: set by your organisation; its start URL stays (the file's ${portal.startUrl} is not imported)`,
      );
    } else if (sameIdentity) {
      // A new start URL is another portal as far as AWS knows: its region and vanity landing are the file's.
      const next: Portal = {
        id: sameIdentity.id,
        startUrl: portal.startUrl,
        ...optional('resolvedStartUrl', portal.resolvedStartUrl),
        region: portal.region,
        ...merged(portal, sameIdentity),
      };
      const { startUrl, resolvedStartUrl, ...before } = sameIdentity;
      const { startUrl: _u, resolvedStartUrl: _r, ...after } = next;
      startUrlChanged.push({
        ...shown(next),
        changes: fieldChanges(before, after),
        previous: { startUrl, ...optional('resolvedStartUrl', resolvedStartUrl) },
      });
      updated.set(sameIdentity.id, next);
      inFileOrder.push(next);
    } else {
      const id = portal.id && !ids.has(portal.id) ? portal.id : newId();
      ids.add(id);
      freshIds.add(id);
      const next: Portal = {
        id,
        startUrl: portal.startUrl,
        ...optional('resolvedStartUrl', portal.resolvedStartUrl),
        region: portal.region,
        ...optional('name', portal.name),
        ...optional('ipStack', portal.ipStack),
      };
      added.push(shown(next));
      inFileOrder.push(next);
    }
  }
  if (mode === 'replace') {
    // Portals an administrator configured stay whatever the file says: the user cannot remove them.
    const kept = current.filter((p) => !updated.has(p.id) && keepStartUrls.includes(p.startUrl));
    for (const portal of kept) warnings.push(`${portalLabel(portal)}: set by your organisation; kept`);
    const removed = current.filter((p) => !updated.has(p.id) && !kept.includes(p));
    return { portals: [...inFileOrder, ...kept], added, changed, startUrlChanged, removed };
  }
  const kept = current.map((p) => updated.get(p.id) ?? p);
  const fresh = inFileOrder.filter((p) => freshIds.has(p.id));
  return { portals: [...kept, ...fresh], added, changed, startUrlChanged, removed: [] };
}

/** A portal as the preview names it. */
export function shown(portal: Portal): PortalPreview {
  return {
    id: portal.id,
    label: portalLabel(portal),
    startUrl: portal.startUrl,
    ...optional('resolvedStartUrl', portal.resolvedStartUrl),
  };
}
