import type { ImportPreview, PortalPreview } from './import-plan';

/**
 * A start URL change by import (plan-portals.ts) is applied only when the user confirmed that very change: the
 * portal's id and the new start URL they were shown. The settings page sends what was ticked; the background
 * checks it against the plan it is about to write, so a preview made stale by another change cannot carry an
 * unconfirmed start URL through.
 */
export interface TrustedStartUrl {
  readonly portalId: string;
  readonly startUrl: string;
}

export function untrustedStartUrlChanges(
  preview: ImportPreview,
  trusted: readonly TrustedStartUrl[],
): PortalPreview[] {
  return preview.portals.startUrlChanged.filter(
    (portal) => !trusted.some((t) => t.portalId === portal.id && t.startUrl === portal.startUrl),
  );
}

/** Why an apply was refused, in the user's words. */
export function untrustedMessage(portal: PortalPreview): string {
  return `The start URL of ${portal.label} would change to ${portal.startUrl}. Nothing was imported: preview the file again and confirm that you trust the new start URL.`;
}
