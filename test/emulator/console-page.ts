import { type ConsoleIdentity, consoleIdentity } from './console-identity.ts';
import { currentConsoleSession } from './console-session.ts';
import { consoleApex } from './hosts.ts';
import { type Ctx, escapeHtml, sendHtml } from './http.ts';
import { layout, messagePage } from './page.ts';
import type { ConsoleSession } from './state.ts';

/**
 * Stand-in for the AWS console: every path answers a small page carrying the identity signals content
 * scripts read on the real one (protocol doc §5), or "You are signed out".
 */

const SERVICES = [
  { path: '/console/home', label: 'Console Home', title: 'Console Home' },
  { path: '/ec2/home', label: 'EC2', title: 'Instances | EC2 | {region}' },
  { path: '/s3/buckets', label: 'S3', title: 'S3 buckets | S3 | Global' },
  { path: '/iam/home', label: 'IAM', title: 'Dashboard | IAM | Global' },
  { path: '/lambda/home', label: 'Lambda', title: 'Functions | Lambda | {region}' },
];

/** Links swap the title and heading with history.pushState, as the real console's single-page apps do. */
const SCRIPT = `
(() => {
  const button = document.querySelector('[data-testid="awsc-nav-account-menu-button"]');
  const menu = document.querySelector('[data-testid="account-detail-menu"]');
  button.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
    button.setAttribute('aria-expanded', String(!menu.hidden));
  });
  for (const copy of document.querySelectorAll('[data-testid^="awsc-copy-"]')) {
    copy.addEventListener('click', () => navigator.clipboard?.writeText(copy.previousElementSibling.textContent));
  }
  const heading = document.querySelector('main h1');
  const show = (view) => { document.title = view.title; heading.textContent = view.label; };
  const initial = { title: document.title, label: heading.textContent };
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-spa]');
    if (!link) return;
    event.preventDefault();
    const view = { title: link.dataset.title, label: link.textContent };
    history.pushState(view, '', link.href);
    show(view);
  });
  addEventListener('popstate', (event) => show(event.state ?? initial));
})();
`;

/** JSON for a single-quoted attribute: only what would end or break the attribute is escaped. */
function jsonAttribute(value: unknown): string {
  return JSON.stringify(value).replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');
}

/** JSON inside an inline script: `<` escaped so no value can close the script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function handleConsolePage(ctx: Ctx) {
  const session = currentConsoleSession(ctx);
  if (session) return sendHtml(ctx, 200, consolePage(ctx, session));
  const { state } = ctx;
  const others = state
    .liveConsoleSessions()
    .filter((s) => s.sessionDifferentiator && s.partition === ctx.hostInfo.partition);
  if (!ctx.hostInfo.sessionDifferentiator && others.length > 0) {
    // Multi-session apex: the real console offers the open sessions.
    const links = others
      .map((s) => {
        const href = `https://${s.host}${ctx.portSuffix}/console/home?region=${s.region}`;
        return `<li><a href="${escapeHtml(href)}">${escapeHtml(consoleIdentity(state, s).displayName)}</a></li>`;
      })
      .join('\n');
    return sendHtml(
      ctx,
      200,
      messagePage('Choose a session', ['You are signed in to these sessions.'], `<ul>${links}</ul>`),
    );
  }
  // No link: the way back in is the access portal (or the extension), which the emulator does not serve.
  const text = ['Sign in again through your AWS access portal to use the console.'];
  sendHtml(ctx, 200, messagePage('You are signed out', text));
}

function consolePage(ctx: Ctx, session: ConsoleSession): string {
  const identity = consoleIdentity(ctx.state, session);
  const services = SERVICES.map((s) => ({ ...s, title: s.title.replace('{region}', session.region) }));
  const current = services.find((s) => ctx.path.startsWith(s.path.replace(/\/[^/]*$/, '/'))) ?? services[0];
  const sessionData = {
    accountId: session.accountId,
    accountAlias: identity.alias,
    displayName: identity.displayName,
    sessionARN: identity.arn,
    infrastructureRegion: session.region,
    prismModeEnabled: session.sessionDifferentiator !== undefined,
    sessionDifferentiator: session.sessionDifferentiator ?? '',
    signInEndpoint: identity.signInEndpoint,
  };
  const head = `<meta name="awsc-session-data" content='${jsonAttribute(sessionData)}'>
<meta id="awsc-signin-endpoint" content="${escapeHtml(identity.signInEndpoint)}">
<meta id="awsc-mezz-region" content="${escapeHtml(session.region)}">
<style>${NAV_STYLE}</style>`;
  const links = services
    .map((s) => `<a href="${s.path}" data-spa data-title="${escapeHtml(s.title)}">${escapeHtml(s.label)}</a>`)
    .join('\n');
  const body = `${navBar(ctx, session, identity)}
<main>
<h1>${escapeHtml(current?.label ?? 'Console Home')}</h1>
<nav aria-label="Services" class="services">${links}</nav>
</main>
<script>window.ConsoleNavService = { AccountInfo: ${scriptJson({
    loginDisplayNameAccount: identity.alias,
    loginDisplayNameUser: identity.userName,
    roleDisplayNameAccount: null,
    roleDisplayNameUser: null,
  })} };</script>
<script>${SCRIPT}</script>`;
  return layout(current?.title ?? 'Console Home', body, head);
}

function navBar(ctx: Ctx, session: ConsoleSession, identity: ConsoleIdentity): string {
  // On a loopback console (`/console/…` on 127.0.0.1) the sign-in paths are on the same host.
  const local = ctx.hostInfo.service === 'local';
  const signinHost = local ? ctx.host : identity.signInEndpoint;
  const logout = new URL(`https://${signinHost}${ctx.portSuffix}/oauth`);
  logout.searchParams.set('Action', 'logout');
  const after = local
    ? `${ctx.host}${ctx.portSuffix}/console/home`
    : `${consoleApex(session.partition)}${ctx.portSuffix}/`;
  logout.searchParams.set('redirect_uri', `https://${after}`);
  return `<header id="awsc-navigation-container" data-testid="awsc-nav-header">
<a class="logo" href="/console/home" data-spa data-title="Console Home">aws</a>
<button type="button" data-testid="awsc-nav-regions-menu-button"><span>${escapeHtml(session.region)}</span></button>
<button type="button" data-testid="awsc-nav-account-menu-button" aria-expanded="false" aria-haspopup="true"><span title="${escapeHtml(identity.displayName)}">${escapeHtml(identity.displayName)}</span><span aria-hidden="true">▾</span></button>
<div data-testid="account-detail-menu" hidden>
<div>
<div><span>Account ID</span><span>${identity.accountIdDashed}</span><button type="button" data-testid="awsc-copy-accountid">Copy</button></div>
<div><span>Federated user</span><span>${escapeHtml(identity.userName)}</span><button type="button" data-testid="awsc-copy-username">Copy</button></div>
</div>
<a data-testid="awsc-nav-sign-out" href="${escapeHtml(logout.href)}">Sign out</a>
</div>
</header>`;
}

const NAV_STYLE = `
  header { display: flex; align-items: center; gap: 1rem; padding: .5rem 1rem; background: #232f3e; color: #fff;
           position: relative; }
  header .logo { color: #fff; font-weight: 700; text-decoration: none; margin-right: auto; }
  header button { border: 0; border-radius: 4px; background: transparent; color: #fff; padding: .3rem .6rem; }
  [data-testid="account-detail-menu"] { position: absolute; right: 1rem; top: 100%; background: #fff; color: #16191f;
           padding: 1rem; border-radius: 6px; box-shadow: 0 4px 12px rgb(0 0 0 / 25%); }
  [data-testid="account-detail-menu"] div div { display: flex; gap: .75rem; align-items: center; }
  [data-testid="account-detail-menu"] button { color: #0972d3; }
  .services { display: flex; gap: 1rem; flex-wrap: wrap; }
`;
