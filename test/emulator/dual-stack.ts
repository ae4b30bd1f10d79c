import { classifyHost, portalAppHost, type Stack } from './hosts.ts';
import type { Ctx } from './http.ts';
import type { DeviceAuthorization, EmulatorState } from './state.ts';

/**
 * Dual-stack Identity Center instances (docs/aws-protocol.md §1). An instance moved to the dual-stack
 * endpoints has a start URL `{id}.portal.{r}.app.aws`. AWS picks the portal domain of the verification link by the
 * OIDC endpoint the client called: through the dual-stack endpoint (`oidc.{r}.api.aws`) the link is on the
 * instance's dual-stack domain and works; through the IPv4 endpoint it is on the legacy domain
 * `{id}.{r}.portal.amazonaws.com`, where approving fails with the page below (aws/aws-cli #10507).
 */

export const DUAL_STACK_REFUSAL = {
  title: "Something doesn't compute",
  text: "We couldn't verify your sign-in credentials. Please try again.",
} as const;

/** Used when a dual-stack instance is asked for with a start URL that does not name its id (an alias URL). */
const FALLBACK_INSTANCE_ID = 'ssoins-72230c0ffee00001';

/** The instance behind a start URL: its id, and whether its start URL is on a dual-stack portal domain. */
export function instanceOf(startUrl: string): { instanceId: string; dualStack: boolean } {
  const host = URL.canParse(startUrl) ? new URL(startUrl).hostname : '';
  const info = classifyHost(host);
  if (info.service !== 'portal-app' || !info.instanceId) {
    return { instanceId: FALLBACK_INSTANCE_ID, dualStack: false };
  }
  return { instanceId: info.instanceId, dualStack: info.stack === 'dualstack' };
}

/** The endpoint family a device authorization came in through; calls by IP address count as dual-stack. */
export function arrivalStack(ctx: Ctx): Stack {
  return ctx.hostInfo.service === 'oidc' ? (ctx.hostInfo.stack ?? 'ipv4') : 'dualstack';
}

/** A dual-stack instance's verification link, on the portal domain of the endpoint family it came through. */
export function dualStackVerificationUri(ctx: Ctx, region: string): string {
  const { instanceId } = ctx.state.options;
  return `https://${portalAppHost(instanceId, region, arrivalStack(ctx))}${ctx.portSuffix}/#/device`;
}

/** Why AWS refuses to approve this authorization, or null when it approves it. */
export function approvalRefusal(state: EmulatorState, auth: DeviceAuthorization): string | null {
  return state.options.dualStack && auth.via === 'ipv4'
    ? `${DUAL_STACK_REFUSAL.title}. ${DUAL_STACK_REFUSAL.text}`
    : null;
}
