import { browser } from '../../shared/browser';
import {
  OFFSCREEN_CLIPBOARD_PATH,
  OFFSCREEN_COPY,
  type OffscreenCopy,
  type OffscreenCopyReply,
} from '../../shared/messages/offscreen-copy';
import { UserFacingError } from '../messaging/user-facing-error';

/** The part of Chrome's `offscreen` API used here (Chrome 109+; webextension-polyfill has no types for it). */
interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}

/** Chrome's offscreen API, or undefined where there is none (Firefox, whose background page has a DOM). */
function offscreenApi(): OffscreenApi | undefined {
  return (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
}

/**
 * Writes `text` (role credentials) to the clipboard from the background, on a keyboard shortcut.
 * - Chrome: a service worker has no clipboard. An offscreen document (reason CLIPBOARD) is created for this
 *   one copy and closed right after, so no page holding the text outlives it; a Web Lock keeps two copies from
 *   sharing or closing each other's document.
 * - Firefox: the background is a page; `navigator.clipboard.writeText` works there with `clipboardWrite`.
 * Errors name no value: the text is a secret.
 */
export async function writeClipboard(text: string): Promise<void> {
  const offscreen = offscreenApi();
  if (!offscreen) {
    await navigator.clipboard.writeText(text).catch(() => {
      throw new UserFacingError('The browser refused to write to the clipboard.');
    });
    return;
  }
  await navigator.locks.request('offscreen-clipboard', async () => {
    await offscreen
      .createDocument({
        url: OFFSCREEN_CLIPBOARD_PATH,
        reasons: ['CLIPBOARD'],
        justification: 'Copy role credentials to the clipboard when the user presses the shortcut.',
      })
      // One is already open (a worker stopped before closing it): use it, and close it below.
      .catch(() => undefined);
    try {
      const message: OffscreenCopy = { type: OFFSCREEN_COPY, text };
      const reply = (await browser.runtime.sendMessage(message)) as OffscreenCopyReply | undefined;
      if (!reply?.copied) throw new UserFacingError('The browser refused to write to the clipboard.');
    } finally {
      await offscreen.closeDocument().catch(() => undefined);
    }
  });
}
