import { approvalRefusal, DUAL_STACK_REFUSAL } from './dual-stack.ts';
import { type Ctx, escapeHtml, sendHtml } from './http.ts';
import { layout, messagePage } from './page.ts';

/**
 * The smallest stand-in for an instance portal's device page (`https://{portal host}/#/device?user_code=…`,
 * docs/aws-protocol.md §1): the portal is a single-page app, so the code is in the fragment and never reaches the
 * server. A script copies it into the form; Approve posts it back to the portal host, which applies AWS's rule for
 * dual-stack instances (dual-stack.ts) and otherwise approves as the device page does.
 */
export async function handlePortalDevicePage(ctx: Ctx): Promise<boolean> {
  if (ctx.path !== '/' && ctx.path !== '/start' && ctx.path !== '/start/') return false;
  if (ctx.method === 'GET') {
    sendHtml(ctx, 200, appPage(ctx.path));
    return true;
  }
  if (ctx.method !== 'POST') return false;
  const form = new URLSearchParams(await ctx.body());
  const auth = ctx.state.findUserCode(form.get('user_code') ?? '');
  if (!auth || auth.expiresAt <= ctx.state.now()) {
    sendHtml(ctx, 400, messagePage('Authorize request', ['This code is not valid or has expired.']));
    return true;
  }
  const action = form.get('action') === 'deny' ? 'denied' : 'approved';
  if (auth.status === 'pending') {
    if (action === 'approved' && approvalRefusal(ctx.state, auth)) {
      // What AWS shows after the identity provider hands back to the legacy portal domain.
      sendHtml(ctx, 400, messagePage(DUAL_STACK_REFUSAL.title, [DUAL_STACK_REFUSAL.text]), 'AccessDenied');
      return true;
    }
    ctx.state.decide(auth.userCode, action);
  }
  const done = auth.status === 'denied' ? 'Request denied.' : 'Request approved. You can close this tab.';
  sendHtml(ctx, 200, messagePage(auth.status === 'denied' ? 'Request denied' : 'Request approved', [done]));
  return true;
}

function appPage(path: string): string {
  const script = `const code = new URLSearchParams(location.hash.replace(/^#\\/device\\??/, '')).get('user_code') ?? '';
document.getElementById('code').textContent = code;
document.getElementById('user_code').value = code;`;
  return layout(
    'AWS access portal',
    `<main>
<h1>Authorize request</h1>
<p>Check that this code matches the one shown by your application:</p>
<p class="code" data-testid="user-code" id="code"></p>
<form method="post" action="${escapeHtml(path)}">
<input type="hidden" id="user_code" name="user_code">
<div class="actions">
<button class="primary" type="submit" name="action" value="approve">Confirm and continue</button>
<button type="submit" name="action" value="deny">Deny</button>
</div>
</form>
<script>${script}</script>
</main>`,
  );
}
