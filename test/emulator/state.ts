import { approvalRefusal } from './dual-stack.ts';
import { Faults } from './faults.ts';
import { Holds } from './holds.ts';
import type { Partition, Stack } from './hosts.ts';
import { Malformations } from './malformed.ts';
import { TokenBucket } from './throttle.ts';
import type {
  ConfigurePatch,
  ConsoleSessionInfo,
  EmulatorOptions,
  Lifetimes,
  LoggedRequest,
  Organization,
} from './types.ts';
import { VERIFICATION_STYLES, type VerificationStyle } from './verification-link.ts';

/**
 * Everything the emulator remembers, in one place so the control API and the in-process object see the same
 * thing. Times are epoch milliseconds on the emulator's clock (`now()`), which tests can move forward.
 */

export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[];
  /** OIDC region the client registered in: registrations are regional. */
  region: string;
  issuedAt: number;
  expiresAt: number;
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  expiresAt: number;
  /** Seconds; grows by 5 after each slow_down (RFC 8628 §3.5). */
  interval: number;
  lastPolledAt?: number;
  status: 'pending' | 'approved' | 'denied' | 'redeemed';
  /** The opaque handle a signin.aws link carries instead of the code (docs/aws-protocol.md §5). */
  requestUri: string;
  /** The OIDC endpoint family StartDeviceAuthorization came through (dual-stack.ts). */
  via: Stack;
}

/** One sign-in of the user: every token minted from one device approval shares it. */
export interface PortalSession {
  id: string;
  region: string;
  expiresAt: number;
  /** `end-sessions` or the lifetime elapsing: refresh tokens die, access tokens live on until they expire. */
  ended: boolean;
  /** `POST /logout`: access tokens die too. */
  loggedOut: boolean;
}

export interface AccessToken {
  token: string;
  sessionId: string;
  expiresAt: number;
}

export interface RefreshToken {
  token: string;
  sessionId: string;
  clientId: string;
  used: boolean;
}

export interface RoleCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: number;
  accountId: string;
  roleName: string;
}

export interface SigninToken {
  token: string;
  credential: RoleCredential;
  createdAt: number;
  sessionDurationSeconds: number;
}

/** Hand-off from `/federation?Action=login` on the sign-in host to the console host that sets the cookies. */
export interface LoginGrant {
  id: string;
  credential: RoleCredential;
  issuer: string;
  destination: URL;
  consoleHost: string;
  partition: Partition;
  region: string;
  sessionDifferentiator?: string;
  sessionDurationSeconds: number;
  expiresAt: number;
  used: boolean;
}

export interface ConsoleSession extends ConsoleSessionInfo {
  id: string;
  partition: Partition;
  region: string;
  sessionDifferentiator?: string;
  issuer: string;
  expiresAt: number;
  ended: boolean;
}

export const USER_NAME = 'jane.doe';
export const LEGACY_ACCESS_TOKEN_SECONDS = 8 * 3600;

const DEFAULT_LIFETIMES: Required<Lifetimes> = {
  accessTokenSeconds: 3600,
  deviceCodeSeconds: 600,
  registrationSeconds: 90 * 86400,
  portalSessionSeconds: 8 * 3600,
  roleCredentialSeconds: 3600,
  pollIntervalSeconds: 1,
};

export class EmulatorState {
  readonly clients = new Map<string, ClientRegistration>();
  readonly deviceAuthorizations = new Map<string, DeviceAuthorization>();
  readonly sessions = new Map<string, PortalSession>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  /** By access key id (`sessionId` in the sign-in `Session` JSON). */
  readonly roleCredentials = new Map<string, RoleCredential>();
  readonly signinTokens = new Map<string, SigninToken>();
  readonly loginGrants = new Map<string, LoginGrant>();
  readonly consoleSessions = new Map<string, ConsoleSession>();
  readonly log: LoggedRequest[] = [];
  readonly faults = new Faults();
  readonly malformed = new Malformations();
  readonly holds = new Holds();
  lifetimes: Required<Lifetimes>;
  latencyMs: number;
  throttle: TokenBucket | null = null;
  multiSession: boolean;
  refuseSessionDuration: boolean;
  autoApprove: boolean;
  verification: VerificationStyle;
  hostileVerificationLink: string | null = null;
  portalLogin: boolean;
  /** One-time handles signin.aws hands back to the portal app after the login (they become its session cookie). */
  readonly portalLoginGrants = new Set<string>();
  private clockOffsetMs = 0;

  constructor(
    readonly options: {
      region: string;
      startUrl: string;
      organization: Organization;
      /** The instance id in portal host names, and whether the instance moved to the dual-stack endpoints. */
      instanceId: string;
      dualStack: boolean;
    },
    initial: EmulatorOptions,
  ) {
    this.lifetimes = { ...DEFAULT_LIFETIMES, ...initial.lifetimes };
    this.latencyMs = initial.latencyMs ?? 0;
    this.multiSession = initial.multiSession ?? false;
    this.refuseSessionDuration = initial.refuseSessionDuration ?? false;
    this.autoApprove = initial.autoApprove ?? false;
    // A dual-stack instance's links are on its portal's pages (docs/aws-protocol.md §1, dual-stack.ts).
    this.verification = initial.verification ?? (options.dualStack ? 'portal' : 'device');
    this.portalLogin = initial.portalLogin ?? false;
    this.configure({ throttle: initial.throttle ?? null });
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(seconds: number): void {
    this.clockOffsetMs += seconds * 1000;
  }

  configure(patch: ConfigurePatch): void {
    const { throttle, latencyMs, faults } = patch;
    if (throttle && !(throttle.ratePerSecond > 0 && throttle.burst >= 1)) {
      throw new Error('throttle needs ratePerSecond > 0 and burst >= 1');
    }
    if (latencyMs !== undefined && !(latencyMs >= 0)) throw new Error('latencyMs must be >= 0');
    if (patch.verification !== undefined && !VERIFICATION_STYLES.includes(patch.verification)) {
      throw new Error(`verification must be one of ${VERIFICATION_STYLES.join(', ')}`);
    }
    if (
      faults?.some(
        (f) => typeof f.path !== 'string' || !['internal-error', 'drop-connection'].includes(f.kind),
      )
    ) {
      throw new Error("each fault needs a path and a kind of 'internal-error' or 'drop-connection'");
    }
    if (patch.latencyMs !== undefined) this.latencyMs = patch.latencyMs;
    if (patch.lifetimes) this.lifetimes = { ...this.lifetimes, ...patch.lifetimes };
    if (patch.multiSession !== undefined) this.multiSession = patch.multiSession;
    if (patch.refuseSessionDuration !== undefined) this.refuseSessionDuration = patch.refuseSessionDuration;
    if (patch.autoApprove !== undefined) this.autoApprove = patch.autoApprove;
    if (patch.verification !== undefined) this.verification = patch.verification;
    if (patch.portalLogin !== undefined) this.portalLogin = patch.portalLogin;
    if (patch.hostileVerificationLink !== undefined)
      this.hostileVerificationLink = patch.hostileVerificationLink;
    if (patch.faults) this.faults.set(patch.faults);
    if (patch.malformed) this.malformed.set(patch.malformed);
    if (patch.throttle !== undefined) {
      this.throttle = patch.throttle
        ? new TokenBucket(patch.throttle.ratePerSecond, patch.throttle.burst)
        : null;
    }
  }

  /** A pending, unexpired device authorization by user code (case- and dash-insensitive, as people type). */
  findUserCode(userCode: string): DeviceAuthorization | undefined {
    const wanted = userCode.toUpperCase().replace(/[^A-Z]/g, '');
    for (const auth of this.deviceAuthorizations.values()) {
      if (auth.userCode.replace('-', '') === wanted) return auth;
    }
    return undefined;
  }

  decide(userCode: string, decision: 'approved' | 'denied'): void {
    const auth = this.findUserCode(userCode);
    if (!auth) throw new Error(`Unknown user code ${userCode}`);
    if (auth.expiresAt <= this.now()) throw new Error(`User code ${userCode} has expired`);
    if (auth.status !== 'pending') throw new Error(`User code ${userCode} is already ${auth.status}`);
    const refusal = decision === 'approved' ? approvalRefusal(this, auth) : null;
    if (refusal) throw new Error(refusal);
    auth.status = decision;
  }

  /** The device authorization a signin.aws link names, whatever its status. */
  findRequestUri(requestUri: string): DeviceAuthorization | undefined {
    for (const auth of this.deviceAuthorizations.values()) if (auth.requestUri === requestUri) return auth;
    return undefined;
  }

  pendingUserCodes(): string[] {
    const now = this.now();
    return [...this.deviceAuthorizations.values()]
      .filter((a) => a.status === 'pending' && a.expiresAt > now)
      .map((a) => a.userCode);
  }

  expireAccessTokens(): void {
    const past = this.now() - 1;
    for (const token of this.accessTokens.values()) token.expiresAt = Math.min(token.expiresAt, past);
  }

  endSessions(): void {
    for (const session of this.sessions.values()) session.ended = true;
  }

  expireRegistrations(): void {
    const past = Math.floor(this.now() / 1000) - 1;
    for (const client of this.clients.values()) client.expiresAt = Math.min(client.expiresAt, past);
  }

  liveConsoleSessions(): ConsoleSession[] {
    const now = this.now();
    return [...this.consoleSessions.values()].filter((s) => !s.ended && s.expiresAt > now);
  }
}
