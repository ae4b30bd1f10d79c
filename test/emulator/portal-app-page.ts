import { handleDevicePage } from './device-page.ts';
import { partitionDomains, partitionOfRegion } from './hosts.ts';
import { type Ctx, cookies, redirect, send, sendHtml } from './http.ts';
import { layout } from './page.ts';
import { signinAwsHost } from './verification-link.ts';

const SESSION_COOKIE = 'aws-portal-session';

/**
 * The access portal's single-page app, reduced to its device route (docs/aws-protocol.md §5): the server sends
 * one shell for every route, and a script reads the route and the code from the fragment
 * (`#/device?user_code=…`), as AWS's app does, so the code never reaches the server in the URL. Approve / Deny
 * post the code back, and the answer is the device page's (device-page.ts).
 * Served on `*.awsapps.com/start/`, `{id}.{r}.portal.amazonaws.com/` and `{id}.portal.{r}.app.aws/`.
 */
export async function handlePortalApp(ctx: Ctx): Promise<boolean> {
  const awsapps = ctx.host.endsWith('.awsapps.com');
  const shellPaths = awsapps ? ['/start', '/start/'] : ['/'];
  if (!shellPaths.includes(ctx.path)) return false;
  if (ctx.method === 'POST') return handleDevicePage(ctx);
  if (ctx.method !== 'GET') return false;
  if (ctx.state.portalLogin && !signedIn(ctx)) return true;
  const region = ctx.hostInfo.region ?? ctx.state.options.region;
  sendHtml(
    ctx,
    200,
    layout('AWS access portal', '<main id="app"><p>Loading…</p></main>', apiCsp(region), APP_SCRIPT),
  );
  return true;
}

/**
 * The part of the portal page's `<meta http-equiv="Content-Security-Policy">` that names its region: AWS's page
 * lets its app reach the instance's own API hosts (docs/aws-protocol.md §2.1). Only `connect-src` is copied, so
 * the emulator's inline app script still runs; the hosts are the IPv4 ones, as on the page that was read.
 */
function apiCsp(region: string): string {
  const hosts = [`portal.sso.${region}`, `oidc.${region}`, `up.sso.${region}`, `log.sso-portal.${region}`];
  const suffix = partitionDomains(partitionOfRegion(region)).api;
  const sources = hosts.map((host) => `https://${host}.${suffix}`).join(' ');
  return `<meta http-equiv="Content-Security-Policy" content="connect-src ${sources} 'self'">`;
}

/** The app: routes on the fragment, draws with DOM calls (never HTML from the URL), follows `hashchange`. */
const APP_SCRIPT = `
(() => {
  const app = document.getElementById('app');
  const el = (tag, text, attrs = {}) => {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  };
  function draw() {
    const hash = location.hash;
    const at = hash.indexOf('?');
    const route = at < 0 ? hash : hash.slice(0, at);
    const code = at < 0 ? null : new URLSearchParams(hash.slice(at + 1)).get('user_code');
    if (route === '#/device' && code) {
      const form = el('form', '', { method: 'post', action: location.pathname });
      form.append(el('input', '', { type: 'hidden', name: 'user_code', value: code }));
      const actions = el('div', '', { class: 'actions' });
      actions.append(
        el('button', 'Approve', { class: 'primary', type: 'submit', name: 'action', value: 'approve' }),
        el('button', 'Deny', { type: 'submit', name: 'action', value: 'deny' }),
      );
      form.append(actions);
      app.replaceChildren(
        el('h1', 'Authorize request'),
        el('p', 'Check that this code matches the one shown by your application:'),
        el('p', code.toUpperCase(), { class: 'code', 'data-testid': 'user-code' }),
        form,
      );
    } else if (route === '#/device') {
      app.replaceChildren(el('h1', 'Authorize request'), el('p', 'Enter the code shown by your application.'));
    } else {
      app.replaceChildren(el('h1', 'AWS access portal'), el('p', 'Your applications and AWS accounts.'));
    }
  }
  addEventListener('hashchange', draw);
  draw();
})();
`;

/**
 * With `portalLogin`, a visitor without a portal session goes to sign in on signin.aws and comes back with a
 * one-time handle that becomes the session cookie. Redirects carry no fragment, so the browser keeps the
 * `#/device?user_code=…` route across both hops. Whether the visitor has a portal session; when not, this has
 * answered with the redirect.
 */
function signedIn(ctx: Ctx): boolean {
  const base = `https://${ctx.host}${ctx.portSuffix}${ctx.path}`;
  const grant = ctx.query.get('portal_login');
  if (grant && ctx.state.portalLoginGrants.delete(grant)) {
    const cookie = `${SESSION_COOKIE}=1; Path=/; Secure; HttpOnly; SameSite=Lax`;
    send(ctx, 302, { location: base, 'set-cookie': cookie, 'cache-control': 'no-store' }, '');
    return false;
  }
  if (cookies(ctx).get(SESSION_COOKIE) === '1') return true;
  const region = ctx.hostInfo.region ?? ctx.state.options.region;
  const login = new URL(`https://${signinAwsHost(region)}${ctx.portSuffix}/platform/login`);
  login.searchParams.set('redirect_uri', base);
  redirect(ctx, login.href);
  return false;
}
