/**
 * Content script on AWS's device-approval page. Tells the user, before they click Approve, whether the code on
 * the page belongs to a sign-in this extension started — and warns loudly when it does not, because approving
 * someone else's code hands them a session on your portal (device-code phishing).
 * Test URLs / manual check: https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH
 */
import type { DeviceCodeCheck } from '../../shared/messages/contract';
import { sendMessage } from '../../shared/messages/send';
import { showDeviceBanner } from './device-banner';
import { findUserCode } from './find-user-code';

async function start(): Promise<void> {
  const code = findUserCode(location.href, document.body?.textContent ?? '');
  if (!code) return;
  const result: DeviceCodeCheck = await sendMessage('checkDeviceCode', { userCode: code });
  showDeviceBanner(document, result, code);
}

start().catch(() => {
  // The extension was reloaded or removed: say nothing rather than something wrong.
});
