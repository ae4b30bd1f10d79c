import { approvalRefusal, DUAL_STACK_REFUSAL } from './dual-stack.ts';
import { type Ctx, escapeHtml, sendHtml } from './http.ts';
import { layout, messagePage } from './page.ts';
import type { DeviceAuthorization } from './state.ts';

/**
 * The device verification page (`device.sso.{region}.amazonaws.com/?user_code=…`), reduced to what matters:
 * the code shown large, and Approve / Deny buttons that do what the control API's approve/deny do.
 */

const DONE = {
  approved: ['Request approved', 'Request approved. You can close this tab.'],
  redeemed: ['Request approved', 'Request approved. You can close this tab.'],
  denied: ['Request denied', 'Request denied.'],
} as const;

export async function handleDevicePage(ctx: Ctx): Promise<boolean> {
  if (ctx.method !== 'GET' && ctx.method !== 'POST') return false;
  const form = ctx.method === 'POST' ? new URLSearchParams(await ctx.body()) : ctx.query;
  const code = form.get('user_code')?.trim() ?? '';
  if (!code) {
    sendHtml(ctx, 200, enterCodePage(ctx.path, ''));
    return true;
  }
  const auth = ctx.state.findUserCode(code);
  const client = auth && ctx.state.clients.get(auth.clientId);
  if (!auth || !client || auth.expiresAt <= ctx.state.now()) {
    if (ctx.method === 'POST') sendHtml(ctx, 400, enterCodePage(ctx.path, code), 'InvalidRequestException');
    else sendHtml(ctx, 200, enterCodePage(ctx.path, code));
    return true;
  }
  if (client.expiresAt * 1000 <= ctx.state.now()) {
    // What AWS shows for a device code started with an expired registration (protocol doc §2.2).
    const text = ['Invalid client. The application must register again.'];
    sendHtml(ctx, 400, messagePage('Invalid client', text), 'InvalidClientException');
    return true;
  }
  const action = ctx.method === 'POST' ? form.get('action') : null;
  if (auth.status === 'pending' && (action === 'approve' || action === 'deny')) {
    if (action === 'approve' && approvalRefusal(ctx.state, auth)) {
      sendHtml(ctx, 400, messagePage(DUAL_STACK_REFUSAL.title, [DUAL_STACK_REFUSAL.text]), 'AccessDenied');
      return true;
    }
    ctx.state.decide(auth.userCode, action === 'approve' ? 'approved' : 'denied');
  }
  if (auth.status === 'pending') {
    sendHtml(ctx, 200, approvalPage(ctx.path, auth, client.clientName));
  } else {
    const [title, text] = DONE[auth.status];
    sendHtml(ctx, 200, messagePage(title, [text]));
  }
  return true;
}

function enterCodePage(path: string, rejected: string): string {
  const error = rejected
    ? `<p role="alert">The code ${escapeHtml(rejected)} is not valid or has expired. Start signing in again from your application.</p>`
    : '';
  return layout(
    'Authorize request',
    `<main>
<h1>Authorize request</h1>
${error}
<form method="get" action="${escapeHtml(path)}">
<p><label for="user_code">Code</label> <input id="user_code" name="user_code" autocomplete="off" required></p>
<div class="actions"><button class="primary" type="submit">Next</button></div>
</form>
</main>`,
  );
}

function approvalPage(path: string, auth: DeviceAuthorization, clientName: string): string {
  return layout(
    'Authorize request',
    `<main>
<h1>Authorize request</h1>
<p>Check that this code matches the one shown by your application:</p>
<p class="code" data-testid="user-code">${escapeHtml(auth.userCode)}</p>
<p>Allow <strong>${escapeHtml(clientName)}</strong> to access your data?</p>
<p class="muted">It will be able to list your AWS accounts and roles and get credentials for them.</p>
<form method="post" action="${escapeHtml(path)}">
<input type="hidden" name="user_code" value="${escapeHtml(auth.userCode)}">
<div class="actions">
<button class="primary" type="submit" name="action" value="approve">Approve</button>
<button type="submit" name="action" value="deny">Deny</button>
</div>
</form>
</main>`,
  );
}
