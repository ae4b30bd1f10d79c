/**
 * Content script on AWS's verification pages (docs/aws-protocol.md §5: the device page, the portal app's
 * `#/device` route, signin.aws). On the approval route it tells the user, before they approve, whether the code
 * on the page belongs to a sign-in this extension started, warns loudly when it does not (device-code phishing:
 * approving someone else's code hands them a session on your portal), and says so when it finds no code to check.
 * Elsewhere on the portal app (the user's own portal) it says nothing, unless the link itself carries a code.
 * The portal and signin.aws are single-page apps: the code can appear, change or go after the first paint, so
 * the banner follows the URL (hashchange, popstate) and the page text (DOM changes), and asks again only when
 * the code it finds changes. It only ever sends a code and gets back yes/no and a portal name: never a token.
 * Manual check: https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH
 */
import { sendMessage } from '../../shared/messages/send';
import { hideDeviceBanner, showDeviceBanner } from './device-banner';
import { findUserCode, isVerificationRoute } from './find-user-code';

/** What the banner speaks about now: a code, `null` (no code found), `hidden`, or `undefined` before the first look. */
let shown: string | null | 'hidden' | undefined;

async function look(): Promise<void> {
  const url = location.href;
  const onRoute = isVerificationRoute(url);
  // Off the approval route only a code in the link counts: a portal's page text is the user's own.
  const code = findUserCode(url, onRoute ? (document.body?.textContent ?? '') : '');
  const next = code === null && !onRoute ? 'hidden' : code;
  if (next === shown) return;
  shown = next;
  if (next === 'hidden') return hideDeviceBanner(document);
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
