/**
 * Content script on AWS's verification pages (docs/aws-protocol.md §5: the device page, the portal app's
 * `#/device` route, signin.aws). Tells the user, before they approve, whether the code on the page belongs to a
 * sign-in this extension started, warns loudly when it does not (device-code phishing: approving someone else's
 * code hands them a session on your portal), and says so when it finds no code to check.
 * The portal and signin.aws are single-page apps: the code can appear, change or go after the first paint, so
 * the banner follows the URL (hashchange, popstate) and the page text (DOM changes), and asks again only when
 * the code it finds changes. It only ever sends a code and gets back yes/no and a portal name: never a token.
 * Manual check: https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH
 */
import { sendMessage } from '../../shared/messages/send';
import { showDeviceBanner } from './device-banner';
import { findUserCode } from './find-user-code';

/** The code the banner speaks about now; `undefined` before the first look. */
let shown: string | null | undefined;

async function look(): Promise<void> {
  const code = findUserCode(location.href, document.body?.textContent ?? '');
  if (code === shown) return;
  shown = code;
  if (code === null) return showDeviceBanner(document, { code: null });
  const check = await sendMessage('checkDeviceCode', { userCode: code });
  // A newer look may have found another code while we waited: the last look speaks.
  if (shown === code) showDeviceBanner(document, { code, check });
}

function lookSoon(): void {
  look().catch(() => {
    // The extension was reloaded or removed: say nothing rather than something wrong.
  });
}

lookSoon();
addEventListener('hashchange', lookSoon);
addEventListener('popstate', lookSoon);
// Our banner lives outside <body> (on <html>, in a shadow root), so drawing it does not wake this observer.
new MutationObserver(lookSoon).observe(document.body ?? document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
});
