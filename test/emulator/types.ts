import type { HeldRequests } from './holds.ts';
import type { VerificationStyle } from './verification-link.ts';

export type { VerificationStyle } from './verification-link.ts';

/**
 * Public types of the local AWS emulator. Other engineers (e2e harness, `npm start`, benchmarks) code against
 * these names, so they change only with the code that uses them.
 */

export interface Lifetimes {
  /** Access token from a refreshable (scoped) registration; legacy unscoped tokens always live 8 h. */
  accessTokenSeconds?: number;
  /** Device code `expiresIn`. */
  deviceCodeSeconds?: number;
  /** Client registration (`clientSecretExpiresAt`). */
  registrationSeconds?: number;
  /** Portal session: refresh tokens stop working when it ends. */
  portalSessionSeconds?: number;
  /** `GetRoleCredentials` credentials (the permission set's session duration). */
  roleCredentialSeconds?: number;
  /** Device-code polling `interval`; polling faster answers `slow_down`. */
  pollIntervalSeconds?: number;
}

export type OrganizationOptions = { seed?: number; accounts?: number; hostileNames?: boolean } | 'demo';

export interface EmulatorOptions {
  /** 0 (default) = ephemeral. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Identity Center home region, default 'us-east-1'. */
  region?: string;
  /** Default 'https://d-9067c0ffee.awsapps.com/start'. */
  startUrl?: string;
  /** Default { seed: 1, accounts: 12 }. */
  organization?: OrganizationOptions;
  latencyMs?: number;
  throttle?: { ratePerSecond: number; burst: number } | null;
  lifetimes?: Lifetimes;
  multiSession?: boolean;
  /**
   * getSigninToken answers 400 to any SessionDuration, as AWS does for role-chained credentials (protocol doc
   * §4.2): lets tests check that the extension retries without it.
   */
  refuseSessionDuration?: boolean;
  /** Approve device codes as soon as they are issued (handy for demos/benchmarks). */
  autoApprove?: boolean;
  /** Which verification page device authorizations link to (docs/aws-protocol.md §5); default 'device'. */
  verification?: VerificationStyle;
  /**
   * The portal app sends a visitor without a portal session to sign in on `{r}.signin.aws/platform/login` first,
   * and back: a redirect between verification hosts that keeps the `#/device?user_code=…` fragment.
   */
  portalLogin?: boolean;
  /**
   * The instance moved to the dual-stack endpoints (docs/aws-protocol.md §1): its verification links are on
   * portal domains, and an authorization started through the IPv4 OIDC endpoint cannot be approved. Default:
   * whether the start URL is on a dual-stack portal domain (`{id}.portal.{r}.app.aws`).
   */
  dualStack?: boolean;
}

/** Makes chosen requests fail, to prove clients retry or surface errors well. */
export interface FaultRule {
  /** Path prefix the rule applies to, e.g. '/assignment/roles'; '*' for every API path. */
  path: string;
  /** Only this HTTP method (any when absent). */
  method?: string;
  /** `internal-error`: 500 InternalServerException; `drop-connection`: the socket is destroyed unanswered. */
  kind: 'internal-error' | 'drop-connection';
  /** Fail at most this many matching requests (unlimited when absent). */
  count?: number;
  /** Fraction (0-1) of matching requests that fail; default 1. */
  rate?: number;
}

/**
 * Makes chosen ListAccounts / ListAccountRoles answers malformed, as AWS should never send them but a bug, a
 * broken proxy or an intercepting middlebox could: the real SDK passes wrong JSON types straight through (it
 * does not check them), so these prove the extension checks what it caches. The organisation is unchanged;
 * the answer is reshaped after it is built, and stays 200.
 */
export type MalformedRule = MalformedTarget & MalformedShape;

interface MalformedTarget {
  path: '/assignment/accounts' | '/assignment/roles';
  /** ListAccountRoles of this account only (any account when absent). */
  accountId?: string;
  /** Reshape at most this many matching answers (unlimited when absent). */
  count?: number;
}

type MalformedShape =
  | {
      kind: 'append';
      /** Raw items appended to the answer's `accountList` / `roleList`: `{accountId: 123}`, `null`, 5,000 roles. */
      items: unknown[];
    }
  | {
      kind: 'replace-list';
      /** Replaces the `accountList` / `roleList` member: an object, a string, null. */
      value: unknown;
    }
  | {
      kind: 'body';
      /** Replaces the whole body, e.g. truncated JSON or an HTML page. */
      text: string;
    }
  | {
      kind: 'pad';
      /** Length of an extra member `padding`: a huge body (20 MB) that is otherwise well formed. */
      bytes: number;
    };

export interface LoggedRequest {
  /** ISO time the response was sent (wall clock, not the emulator's offset clock). */
  time: string;
  method: string;
  /** Host header without the port. */
  host: string;
  path: string;
  /** Query parameters; secret ones (Session, SigninToken, grant) are redacted. */
  query: Record<string, string>;
  /** HTTP status; 0 when the connection was dropped on purpose. */
  status: number;
  /** The `x-amzn-ErrorType` name (without namespace) for errors. */
  errorType?: string;
}

export interface OrganizationAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  /** Permission set names, e.g. 'AdministratorAccess'. */
  roles: string[];
}

export interface Organization {
  accounts: OrganizationAccount[];
}

export interface ConsoleSessionInfo {
  accountId: string;
  /** Permission set name, as in `roles` above. */
  roleName: string;
  /** Console host the session lives on (the multi-session host when that mode is on). */
  host: string;
}

export type ConfigurePatch = Partial<
  Pick<
    EmulatorOptions,
    | 'latencyMs'
    | 'throttle'
    | 'lifetimes'
    | 'multiSession'
    | 'autoApprove'
    | 'refuseSessionDuration'
    | 'verification'
    | 'portalLogin'
  >
> & {
  faults?: FaultRule[];
  malformed?: MalformedRule[];
  /**
   * StartDeviceAuthorization answers with this `verificationUriComplete` instead (null: AWS's own again), as a
   * compromised proxy or a bug could: proves the extension never opens a link outside AWS's hosts.
   */
  hostileVerificationLink?: string | null;
};

export interface Emulator {
  readonly port: number;
  /** `https://127.0.0.1:${port}` */
  readonly baseUrl: string;
  readonly certificatePem: string;
  /** base64 SHA-256 of the DER SubjectPublicKeyInfo, for Chromium's --ignore-certificate-errors-spki-list. */
  readonly spkiSha256: string;
  readonly startUrl: string;
  readonly region: string;
  readonly organization: Organization;
  /** Throws if the code is unknown, expired or already decided. */
  approve(userCode: string): void;
  deny(userCode: string): void;
  pendingUserCodes(): string[];
  expireAccessTokens(): void;
  /** The portal session is over: refresh tokens die (access tokens live until they expire). */
  endSessions(): void;
  expireRegistrations(): void;
  /** Moves the emulator's clock forward, so tests need not sleep for expiries (addition to the brief). */
  advanceClock(seconds: number): void;
  requests(): LoggedRequest[];
  resetLog(): void;
  configure(patch: ConfigurePatch): void;
  /** Holds every request whose path starts with this (after latency, before faults) until `release()`. */
  hold(pathPrefix: string): HeldRequests;
  consoleSessions(): ConsoleSessionInfo[];
  /** Every role credential GetRoleCredentials issued, oldest first: tests compare what the extension copied. */
  issuedRoleCredentials(): IssuedRoleCredential[];
  close(): Promise<void>;
}

export interface IssuedRoleCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch ms. */
  readonly expiration: number;
  readonly accountId: string;
  readonly roleName: string;
}
