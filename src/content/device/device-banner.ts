import type { DeviceCodeCheck } from '../../shared/messages/contract';

const HOST_ID = 'aws-sso-switcher-device-check';

/**
 * Draws the verdict at the top of the page, in a shadow root so the page's CSS cannot restyle or hide it.
 * Text only (textContent): nothing from the page or the extension is parsed as HTML.
 */
export function showDeviceBanner(doc: Document, result: DeviceCodeCheck, code: string): void {
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  // Open, not closed: it isolates our styles all the same, and lets tests and assistive tools find the text.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `
    .banner { all: initial; display: block; box-sizing: border-box; width: 100%; padding: 12px 16px;
      font: 600 15px/1.4 system-ui, sans-serif; color: #fff; }
    .ours { background: #1e7d32; }
    .foreign { background: #b3261e; font-size: 16px; }
    .detail { display: block; font-weight: 400; font-size: 14px; margin-top: 4px; }`;
  const banner = doc.createElement('div');
  banner.setAttribute('role', result.ours ? 'status' : 'alert');
  banner.className = `banner ${result.ours ? 'ours' : 'foreign'}`;
  const title = doc.createElement('span');
  const detail = doc.createElement('span');
  detail.className = 'detail';
  if (result.ours) {
    title.textContent = `AWS SSO Switcher started this sign-in (${result.portalName}).`;
    detail.textContent = `Check that AWS shows the same code as the extension: ${code}.`;
  } else {
    title.textContent = 'Warning: AWS SSO Switcher did not start this sign-in.';
    detail.textContent =
      'If someone sent you this link or code, do not approve it: approving gives them access to your AWS accounts.';
  }
  banner.append(title, detail);
  shadow.append(style, banner);
  doc.documentElement.prepend(host);
}
