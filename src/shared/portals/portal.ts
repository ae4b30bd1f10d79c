import * as v from 'valibot';
import { type IpStack, RegionCodeSchema } from '../aws/regions';
import { startUrlStack } from '../aws/start-url';

/**
 * Which endpoints a portal's sign-in and API calls use (docs/aws-protocol.md §1). Absent means automatic: the
 * dual-stack endpoints for a dual-stack start URL (`….app.aws`), the IPv4 ones otherwise. A person forces one when
 * their instance moved but kept its old start URL, or when their network has no route to the dual-stack hosts.
 */
export const IP_STACK_CHOICES = ['ipv4', 'dualstack'] as const satisfies readonly IpStack[];
export const IpStackSchema = v.picklist(IP_STACK_CHOICES);

/** A configured IAM Identity Center access portal. Holds no secret. */
export const PortalSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)),
  /** As the user typed it (normalised): the name shown. A company vanity URL stays that, see resolvedStartUrl. */
  startUrl: v.pipe(v.string(), v.url(), v.maxLength(2048)),
  /**
   * For a company vanity start URL only: the AWS-owned portal it redirects to, which is what AWS is sent
   * (docs/aws-protocol.md §3). Absent until resolved; resolved again at sign-in when missing.
   */
  resolvedStartUrl: v.optional(v.pipe(v.string(), v.url(), v.maxLength(2048))),
  region: RegionCodeSchema,
  /** Optional display name; the start URL's host is shown otherwise. */
  name: v.optional(v.pipe(v.string(), v.maxLength(100))),
  /** Forced endpoint family; absent: chosen from the start URL (`portalStack`). */
  ipStack: v.optional(IpStackSchema),
});
export type Portal = v.InferOutput<typeof PortalSchema>;

/** The endpoint family this portal's calls go to: the forced one, else the start URL's. */
/** Forced per portal, else what the AWS-owned start URL says (a vanity address's landing, not the address). */
export function portalStack(portal: Pick<Portal, 'startUrl' | 'resolvedStartUrl' | 'ipStack'>): IpStack {
  return portal.ipStack ?? startUrlStack(awsStartUrl(portal));
}

export function portalLabel(portal: Pick<Portal, 'name' | 'startUrl'>): string {
  if (portal.name) return portal.name;
  try {
    return new URL(portal.startUrl).hostname;
  } catch {
    return portal.startUrl;
  }
}

/** The start URL AWS knows the portal by: the resolved one for a vanity URL, else the one typed. */
export function awsStartUrl(portal: Pick<Portal, 'startUrl' | 'resolvedStartUrl'>): string {
  return portal.resolvedStartUrl ?? portal.startUrl;
}

/** What the UI may know about a portal's session: state and display data, never a token. */
export type PortalSession =
  | { state: 'signed-out'; message?: string }
  | {
      state: 'signing-in';
      userCode: string;
      verificationUri: string;
      /** Epoch ms when the code expires. */
      expiresAt: number;
    }
  | {
      state: 'signed-in' /** Epoch ms when the current access token expires (it is refreshed before). */;
      tokenExpiresAt: number;
    }
  | { state: 'failed'; reason: 'denied' | 'expired' | 'error'; message: string };

export interface PortalView {
  readonly portal: Portal;
  readonly session: PortalSession;
}
