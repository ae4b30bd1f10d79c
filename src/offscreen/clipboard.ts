/**
 * Chrome's offscreen document for one clipboard write (src/background/clipboard/write-clipboard.ts): the
 * service worker has no clipboard. Offscreen documents cannot take focus, so `navigator.clipboard` refuses;
 * a selected textarea and `execCommand('copy')` work with the `clipboardWrite` permission. The text is
 * cleared from the page at once, and the background closes the document right after.
 */
import { browser, type Runtime } from '../shared/browser';
import { isOffscreenCopy, type OffscreenCopyReply } from '../shared/messages/offscreen-copy';

function copy(text: string): OffscreenCopyReply {
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  try {
    return { copied: document.execCommand('copy') };
  } finally {
    area.value = '';
    area.remove();
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Only the extension's own contexts (the worker), never a content script: their sender.url is a web page.
  const own = sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('')) === true;
  if (!own || !isOffscreenCopy(message)) return undefined;
  return Promise.resolve(copy(message.text));
});
