import type { DeviceFlow } from '../storage/secrets';

/** RFC 8628 §3.5 and botocore: each slow_down adds five seconds to the interval, for good. */
export const SLOW_DOWN_STEP_MS = 5_000;
/** After a network error or a 5xx, wait at least this long before polling again. */
export const TRANSIENT_RETRY_MS = 2_000;

export type FailReason = 'denied' | 'expired' | 'error';

export type PollStep =
  | { kind: 'wait'; intervalMs: number; delayMs: number }
  | { kind: 'fail'; reason: FailReason; message: string }
  | { kind: 'restart' };

export const MESSAGES = {
  expired: 'The sign-in code expired before it was approved.',
  denied: 'The sign-in request was denied on the AWS page.',
  rejectedTwice: 'AWS rejected this browser’s registration twice. Try signing in again later.',
  invalidGrant: 'This sign-in request is no longer valid. Start again.',
} as const;

/**
 * The device-code polling state machine: what to do after CreateToken failed with `errorName`
 * (the SDK's error name, see docs/aws-protocol.md §4.2). Pure, so it is tested as a table.
 */
export function afterPollError(
  flow: Pick<DeviceFlow, 'intervalMs' | 'reRegistered'>,
  errorName: string,
): PollStep {
  switch (errorName) {
    case 'AuthorizationPendingException':
      return { kind: 'wait', intervalMs: flow.intervalMs, delayMs: flow.intervalMs };
    case 'SlowDownException': {
      const intervalMs = flow.intervalMs + SLOW_DOWN_STEP_MS;
      return { kind: 'wait', intervalMs, delayMs: intervalMs };
    }
    case 'ExpiredTokenException':
      return { kind: 'fail', reason: 'expired', message: MESSAGES.expired };
    case 'AccessDeniedException':
      return { kind: 'fail', reason: 'denied', message: MESSAGES.denied };
    case 'InvalidClientException':
      // The registration expired or was revoked mid-flow: register again and start over, once.
      return flow.reRegistered
        ? { kind: 'fail', reason: 'error', message: MESSAGES.rejectedTwice }
        : { kind: 'restart' };
    case 'InvalidGrantException':
      return { kind: 'fail', reason: 'error', message: MESSAGES.invalidGrant };
    default:
      // Offline, throttled or a 5xx: keep the flow and try again.
      return {
        kind: 'wait',
        intervalMs: flow.intervalMs,
        delayMs: Math.max(flow.intervalMs, TRANSIENT_RETRY_MS),
      };
  }
}

/** Before polling: is the flow still alive? */
export function isExpired(flow: Pick<DeviceFlow, 'expiresAt'>, now: number): boolean {
  return now >= flow.expiresAt;
}
