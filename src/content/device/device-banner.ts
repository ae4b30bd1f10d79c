import type { DeviceCodeCheck } from '../../shared/messages/contract';

const HOST_ID = 'aws-sso-switcher-device-check';

/** What the banner says: the background's answer about the code found, or that there is no code to check. */
export type BannerVerdict = { code: string; check: DeviceCodeCheck } | { code: null };

/** Title and detail of each verdict: the three things the banner ever says (docs/security.md). */
export function bannerText(verdict: BannerVerdict): {
  kind: 'ours' | 'foreign' | 'none';
  title: string;
  detail: string;
} {
  if (verdict.code === null) {
    return {
      kind: 'none',
      title: 'AWS SSO Switcher: no sign-in code found here.',
      detail: 'Compare the code AWS shows with the code in the AWS SSO Switcher popup before you approve.',
    };
  }
  if (verdict.check.ours) {
    return {
      kind: 'ours',
      title: `AWS SSO Switcher: this is the sign-in you started (${verdict.check.portalName}).`,
      detail: `Check that AWS shows the same code as the extension: ${verdict.code}.`,
    };
  }
  return {
    kind: 'foreign',
    title: `Warning: the code ${verdict.code} is not from a sign-in you started in AWS SSO Switcher.`,
    detail:
      'If someone sent you this link or code, do not approve it: approving gives them access to your AWS accounts.',
  };
}

/** Off the approval route (the portal app's other pages) the banner has nothing to say. */
export function hideDeviceBanner(doc: Document): void {
  doc.getElementById(HOST_ID)?.remove();
}

/**
 * Draws the verdict at the top of the page, in a shadow root so the page's CSS cannot restyle or hide it.
 * Text only (textContent): nothing from the page or the extension is parsed as HTML.
 */
export function showDeviceBanner(doc: Document, verdict: BannerVerdict): void {
  doc.getElementById(HOST_ID)?.remove();
  const { kind, title, detail } = bannerText(verdict);
  const host = doc.createElement('div');
  host.id = HOST_ID;
  // Open, not closed: it isolates our styles all the same, and lets tests and assistive tools find the text.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `
    .banner { all: initial; display: block; box-sizing: border-box; width: 100%; padding: 12px 16px;
      font: 600 15px/1.4 system-ui, sans-serif; color: #fff; }
    .ours { background: #1e7d32; }
    .none { background: #37474f; }
    .foreign { background: #b3261e; font-size: 16px; }
    .detail { display: block; font-weight: 400; font-size: 14px; margin-top: 4px; }`;
  const banner = doc.createElement('div');
  banner.setAttribute('role', kind === 'foreign' ? 'alert' : 'status');
  banner.className = `banner ${kind}`;
  const titleLine = doc.createElement('span');
  titleLine.textContent = title;
  const detailLine = doc.createElement('span');
  detailLine.className = 'detail';
  detailLine.textContent = detail;
  banner.append(titleLine, detailLine);
  shadow.append(style, banner);
  doc.documentElement.prepend(host);
}
