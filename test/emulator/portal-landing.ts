import { type Ctx, sendHtml } from './http.ts';

/**
 * The instance's access portal at its start URL, as a plain page: enough for a vanity redirect to land somewhere
 * real in a browser. The portal's single-page app (device approval and so on) is modelled elsewhere.
 */
export function handlePortalLanding(ctx: Ctx): boolean {
  const start = new URL(ctx.state.options.startUrl);
  if (ctx.host !== start.hostname || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return false;
  const path = ctx.path.replace(/\/+$/, '');
  if (path !== start.pathname.replace(/\/+$/, '')) return false;
  sendHtml(
    ctx,
    200,
    '<!doctype html><html lang="en"><head><title>AWS access portal</title></head>' +
      '<body><main><h1>AWS access portal</h1><p>Sign in to see your accounts.</p></main></body></html>',
  );
  return true;
}
