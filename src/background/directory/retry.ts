import { awsErrorName, httpStatusOf, isNetworkError, isThrottling } from '../aws/errors';
import { UserFacingError } from '../messaging/user-facing-error';

/**
 * How the sync treats a failed portal call:
 * - auth: the session is over (withAccessToken already refreshed once): stop, the user must sign in;
 * - throttled: AWS asked us to slow down; the limiter already paused, so retry at once, it paces us;
 * - transient: 5xx, an HTML error page (parsed as a SyntaxError but carrying the status), offline, timeout:
 *   retry after a jittered exponential backoff;
 * - permanent: any other 4xx (Forbidden, ResourceNotFound…): retrying now would fail the same way.
 */
export type FailureKind = 'auth' | 'throttled' | 'transient' | 'permanent';

export function classify(error: unknown): FailureKind {
  const name = awsErrorName(error);
  if (name === 'SignedOutError' || name === 'UnauthorizedException') return 'auth';
  if (isThrottling(error)) return 'throttled';
  const status = httpStatusOf(error);
  if (isNetworkError(error) || (status !== undefined && status >= 500)) return 'transient';
  return 'permanent';
}

/**
 * Words for the user. Built from the error's kind and name only, never its message: SDK and network errors can
 * echo request data. Our own UserFacingErrors (e.g. "could not reach AWS to renew your session") speak as is.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  switch (classify(error)) {
    case 'auth':
      return 'Your session for this portal has ended. Sign in again to refresh the list.';
    case 'throttled':
      return 'AWS kept asking us to slow down.';
    case 'transient':
      return isNetworkError(error) ? 'Could not reach AWS.' : 'AWS had an internal error.';
    default:
      // A failure with a success status is an answer the SDK could not parse: junk, or not JSON at all.
      return isSuccess(httpStatusOf(error))
        ? 'AWS sent an answer the extension could not read.'
        : `AWS refused the request (${awsErrorName(error)}).`;
  }
}

const isSuccess = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

export interface RetryPolicy {
  /** Tries for a transient failure, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Throttled answers tolerated for one call before giving up on it (each one paused everyone). */
  readonly maxThrottles: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  /** Told after each answer whether AWS was throttling us, for the "slowed down" hint. */
  readonly onAnswer?: (throttled: boolean) => void;
}

export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  let failures = 0;
  let throttles = 0;
  for (;;) {
    try {
      const value = await call();
      policy.onAnswer?.(false);
      return value;
    } catch (error) {
      const kind = classify(error);
      if (kind === 'throttled') policy.onAnswer?.(true);
      if (kind === 'throttled' && ++throttles < policy.maxThrottles) continue;
      if (kind !== 'transient' || ++failures >= policy.attempts) throw error;
      // Full jitter (AWS architecture blog "Exponential Backoff And Jitter"): callers failing together spread out.
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** failures);
      await policy.sleep(policy.random() * ceiling);
    }
  }
}

/**
 * How long AWS asked us to wait, from the SDK error's raw response (`$response`, set by the SDK's deserializer
 * on modeled errors; header names are lower-case there). `Retry-After` is seconds or an HTTP date;
 * `x-amz-retry-after` is milliseconds (the SDK's own retry reads both). Absent or unreadable: undefined, and the
 * limiter chooses (the portal's 429 carries neither today, docs/aws-protocol.md §7). Capped, so a strange value
 * cannot stall the worker for minutes.
 */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string | undefined> } } | null)
    ?.$response?.headers;
  const header = (name: string) =>
    Object.entries(headers ?? {})
      .find(([key]) => key.toLowerCase() === name)?.[1]
      ?.trim();
  const seconds = header('retry-after');
  const millis = header('x-amz-retry-after');
  let wait = Number.NaN;
  if (seconds && /^\d+(\.\d+)?$/.test(seconds)) wait = Number(seconds) * 1000;
  else if (seconds) wait = Date.parse(seconds) - now;
  else if (millis && /^\d+$/.test(millis)) wait = Number(millis);
  return Number.isFinite(wait) ? Math.min(Math.max(wait, 0), MAX_RETRY_AFTER_MS) : undefined;
}

const MAX_RETRY_AFTER_MS = 60_000;
