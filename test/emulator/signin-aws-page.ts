import { classifyHost } from './hosts.ts';
import { type Ctx, escapeHtml, redirect, sendHtml, sendJson } from './http.ts';
import { layout, messagePage } from './page.ts';
import { opaqueToken } from './random.ts';
import type { DeviceAuthorization } from './state.ts';
import { portalAppBase } from './verification-link.ts';

/**
 * `https://{r}.signin.aws/platform/authorize?request_uri=…` (docs/aws-protocol.md §5, seen since 2026-09): the link
 * carries an opaque handle, not the code; the page fetches the request and shows the code, asking "Confirm this
 * code matches the one given to you" with "Confirm and continue" and "Cancel" (ByteNess/aws-vault #440).
 * What follows the confirmation is not public; here it continues on the instance's portal app, which asks to
 * approve (`#/device?user_code=…`): a redirect between verification hosts, as the extension must expect.
 */
export async function handleSigninAws(ctx: Ctx): Promise<boolean> {
  if (ctx.path === '/platform/login') return login(ctx);
  if (ctx.path === '/platform/api/authorize' && ctx.method === 'GET') {
    const auth = live(ctx, ctx.query.get('request_uri'));
    if (!auth) sendJson(ctx, 404, { error: 'invalid_request' });
    else sendJson(ctx, 200, { userCode: auth.userCode });
    return true;
  }
  if (ctx.path !== '/platform/authorize') return false;
  if (ctx.method === 'POST') {
    const form = new URLSearchParams(await ctx.body());
    const auth = live(ctx, form.get('request_uri'));
    if (!auth) return notValid(ctx);
    if (form.get('action') === 'cancel') {
      auth.status = 'denied';
      sendHtml(ctx, 200, messagePage('Request denied', ['Request denied.']));
      return true;
    }
    const instance = {
      region: ctx.hostInfo.region ?? ctx.state.options.region,
      startUrl: ctx.state.options.startUrl,
      partition: ctx.hostInfo.partition,
    };
    const portal = portalAppBase(instance, 'ipv4').replace(/^(https:\/\/[^/]+)/, `$1${ctx.portSuffix}`);
    redirect(ctx, `${portal}#/device?user_code=${auth.userCode}`);
    return true;
  }
  if (ctx.method !== 'GET') return false;
  const requestUri = ctx.query.get('request_uri') ?? '';
  if (!live(ctx, requestUri)) return notValid(ctx);
  sendHtml(ctx, 200, layout('Authorization Request', authorizePage(requestUri), '', PAGE_SCRIPT));
  return true;
}

/** A pending, unexpired request by its handle. */
function live(ctx: Ctx, requestUri: string | null): DeviceAuthorization | undefined {
  const auth = requestUri ? ctx.state.findRequestUri(requestUri) : undefined;
  return auth && auth.status === 'pending' && auth.expiresAt > ctx.state.now() ? auth : undefined;
}

function notValid(ctx: Ctx): true {
  const text = ['This authorization request is not valid or has expired. Start again from your application.'];
  sendHtml(ctx, 200, messagePage('Authorization Request', text));
  return true;
}

/** The shell: the code arrives after the page loaded (a fetch), as in a single-page app. */
function authorizePage(requestUri: string): string {
  return `<main>
<h1>Authorization Request</h1>
<p>An application or service has requested access to your AWS account(s) and resources.</p>
<p>Confirm this code matches the one given to you.</p>
<p class="code" data-testid="user-code" id="code"></p>
<form method="post" action="/platform/authorize">
<input type="hidden" name="request_uri" value="${escapeHtml(requestUri)}">
<div class="actions">
<button class="primary" type="submit" name="action" value="confirm">Confirm and continue</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</div>
</form>
</main>`;
}

const PAGE_SCRIPT = `
(async () => {
  const requestUri = new URLSearchParams(location.search).get('request_uri') || '';
  const answer = await fetch('/platform/api/authorize?request_uri=' + encodeURIComponent(requestUri));
  if (answer.ok) document.getElementById('code').textContent = (await answer.json()).userCode;
})();
`;

/**
 * The directory's sign-in page, where the portal app sends a visitor without a session (`portalLogin`). Signing in
 * returns to the portal with a one-time handle; only portal-app hosts are accepted as the way back.
 */
async function login(ctx: Ctx): Promise<boolean> {
  const form = ctx.method === 'POST' ? new URLSearchParams(await ctx.body()) : ctx.query;
  const back = form.get('redirect_uri') ?? '';
  const backUrl = URL.canParse(back) ? new URL(back) : null;
  if (backUrl?.protocol !== 'https:' || classifyHost(backUrl.hostname).service !== 'portal-app') {
    sendHtml(ctx, 400, messagePage('Sign in', ['This sign-in link is not valid.']));
    return true;
  }
  if (ctx.method === 'POST') {
    const grant = opaqueToken('', 24);
    ctx.state.portalLoginGrants.add(grant);
    backUrl.searchParams.set('portal_login', grant);
    redirect(ctx, backUrl.href);
    return true;
  }
  if (ctx.method !== 'GET') return false;
  const page = `<main>
<h1>Sign in</h1>
<p>Sign in to continue to your AWS access portal.</p>
<form method="post" action="/platform/login">
<input type="hidden" name="redirect_uri" value="${escapeHtml(back)}">
<p><label for="username">Username</label> <input id="username" name="username" value="demo-user" autocomplete="username"></p>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>
</main>`;
  sendHtml(ctx, 200, layout('Sign in', page, '', LOGIN_SCRIPT));
  return true;
}

/** A form post drops the page's fragment: the app hands the portal's route back along with the way back. */
const LOGIN_SCRIPT = `
document.querySelector('form').addEventListener('submit', (event) => {
  const back = event.target.querySelector('input[name=redirect_uri]');
  if (location.hash && !back.value.includes('#')) back.value += location.hash;
});
`;
