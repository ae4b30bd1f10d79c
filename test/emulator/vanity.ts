import { NOT_AWS_LANDING, VANITY_HOSTS } from './company-hosts.ts';
import { type Ctx, send } from './http.ts';
import { handlePortalLanding } from './portal-landing.ts';

/**
 * Company web servers, not AWS (docs/aws-protocol.md §3): they send visitors on to the access portal with a plain
 * redirect, as an S3 website, a CloudFront function or a load balancer rule would. Names: company-hosts.ts.
 */
/** Answers a vanity host, or the instance's own portal landing page; false for any other host. */
export function handleCompanyHosts(ctx: Ctx): boolean {
  if (handlePortalLanding(ctx)) return true;
  const { startUrl } = ctx.state.options;
  const redirect = (location: string, status = 302) =>
    send(ctx, status, { location, 'content-type': 'text/html; charset=utf-8' }, '');
  switch (ctx.host) {
    case VANITY_HOSTS.redirectsToPortal:
      redirect(startUrl);
      return true;
    case VANITY_HOSTS.redirectsElsewhere:
      redirect(`${NOT_AWS_LANDING}?SAMLRequest=opaque`);
      return true;
    case VANITY_HOSTS.refusesHead:
      if (ctx.method === 'HEAD') send(ctx, 405, { allow: 'GET' }, '');
      else redirect(startUrl, 301);
      return true;
    default:
      return false;
  }
}
