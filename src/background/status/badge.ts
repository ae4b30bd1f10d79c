import { browser } from '../../shared/browser';
import { portalLabel } from '../../shared/portals/portal';
import { portalViews } from '../portals/portal-views';

/**
 * The toolbar badge tells the session state at a glance: "…" while a sign-in waits for approval, "!" when a
 * portal is signed out or failed, nothing when every portal is signed in. The tooltip says which.
 */
export async function updateBadge(): Promise<void> {
  const views = await portalViews();
  const signingIn = views.filter((v) => v.session.state === 'signing-in');
  const signedOut = views.filter((v) => v.session.state === 'signed-out' || v.session.state === 'failed');
  const lines = views.map((v) => `${portalLabel(v.portal)}: ${v.session.state.replace('-', ' ')}`);
  const [text, color] =
    views.length === 0
      ? ['', '#5f6b7a']
      : signingIn.length > 0
        ? ['…', '#0b63c5']
        : signedOut.length > 0
          ? ['!', '#b3261e']
          : ['', '#1e7d32'];
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setTitle({
    title: views.length
      ? ['AWS SSO Switcher', ...lines].join('\n')
      : 'AWS SSO Switcher — add a portal to start',
  });
}
