import * as v from 'valibot';

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
  region: v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/)),
  /** Optional display name; the start URL's host is shown otherwise. */
  name: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
export type Portal = v.InferOutput<typeof PortalSchema>;

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
