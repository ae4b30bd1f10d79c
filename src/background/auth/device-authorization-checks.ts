import type { PartitionId } from '../../shared/aws/regions';
import { checkVerificationLink } from '../../shared/aws/verification-hosts';

/**
 * What we accept from StartDeviceAuthorization before anything is stored or opened (docs/aws-protocol.md §4).
 * AWS sends `interval: 1` and `expiresIn: 600`; RFC 8628 says poll every 5 s when `interval` is absent.
 *
 * - `interval` outside 1..60 s is clamped: below 1 s would hammer AWS, above a minute would leave a person who
 *   approved waiting; AWS's own `slow_down` answer still lengthens it (poll-transition.ts).
 * - `expiresIn` above an hour is clamped to an hour (we stop polling then; AWS stays the judge of its code).
 *   Below a minute nobody can approve in time, so a shorter value keeps the flow alive for a minute and AWS's own
 *   `ExpiredTokenException` ends it as soon as the code is dead. Zero, negative or not a number is refused:
 *   that answer is broken, and polling a dead code would only fail.
 * - `verificationUriComplete` must be https on an AWS verification host of the portal's partition, or it is
 *   refused and nothing is opened (verification-hosts.ts).
 */
export const POLL_INTERVAL_SECONDS = { fallback: 5, min: 1, max: 60 } as const;
export const CODE_LIFETIME_SECONDS = { min: 60, max: 3600 } as const;

export interface StartedDeviceAuthorization {
  readonly verificationUriComplete: string;
  readonly expiresIn: number;
  readonly interval?: number | undefined;
}

export type CheckedDeviceAuthorization =
  | { ok: true; link: string; intervalSeconds: number; expiresInSeconds: number }
  | { ok: false; message: string };

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function checkDeviceAuthorization(
  started: StartedDeviceAuthorization,
  partition: PartitionId,
): CheckedDeviceAuthorization {
  const link = checkVerificationLink(started.verificationUriComplete, partition);
  if (!link.ok) return link;
  if (!Number.isFinite(started.expiresIn) || started.expiresIn <= 0) {
    return {
      ok: false,
      message: 'AWS sent a sign-in code that has already expired. Try signing in again.',
    };
  }
  const { fallback, min, max } = POLL_INTERVAL_SECONDS;
  const interval = started.interval;
  const intervalSeconds =
    interval === undefined || !Number.isFinite(interval) ? fallback : clamp(interval, min, max);
  return {
    ok: true,
    link: link.url,
    intervalSeconds,
    expiresInSeconds: clamp(started.expiresIn, CODE_LIFETIME_SECONDS.min, CODE_LIFETIME_SECONDS.max),
  };
}
