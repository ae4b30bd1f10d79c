import { parseConsoleHost } from '../../shared/aws/console-host';
import { isAnyVerificationHost } from '../../shared/aws/verification-hosts';
import type { Audience } from '../../shared/messages/contract';

/** The parts of `runtime.MessageSender` we trust: set by the browser, not by the sender. */
export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { readonly id?: number };
}

export interface ExtensionIdentity {
  readonly id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/` */
  readonly baseUrl: string;
}

export type SenderCheck = { ok: true; tabId?: number } | { ok: false; reason: string };

/**
 * Decides whether a sender may send a message of the given audience.
 * Extension pages are recognised by their URL on our own origin; content scripts by being in a tab on an
 * AWS console host. Other extensions never get here (no externally_connectable), but the id is checked anyway.
 */
export function checkSender(sender: SenderInfo, audience: Audience, self: ExtensionIdentity): SenderCheck {
  if (sender.id !== self.id) return { ok: false, reason: 'sender is not this extension' };
  const url = sender.url ?? '';
  if (audience === 'extension') {
    return url.startsWith(self.baseUrl)
      ? { ok: true }
      : { ok: false, reason: 'only extension pages may ask this' };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { ok: false, reason: 'content messages must come from a tab' };
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:')
      return { ok: false, reason: 'content messages must come from https pages' };
    host = parsed.hostname;
  } catch {
    return { ok: false, reason: 'content messages must come from a page' };
  }
  if (audience === 'device') {
    // The banner runs on every AWS verification page (docs/aws-protocol.md §5), of any partition.
    return isAnyVerificationHost(host)
      ? { ok: true, tabId }
      : { ok: false, reason: 'not an AWS verification page' };
  }
  // The console hosts of every partition, as the content script reads them (console-host.ts).
  return parseConsoleHost(host) ? { ok: true, tabId } : { ok: false, reason: 'not an AWS console page' };
}
