/**
 * Token bucket for the portal API: `burst` requests at once, refilled at `ratePerSecond`. Real time, not the
 * emulator's offset clock, because clients really wait before they try again.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt = performance.now();

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Takes a token; false when none is free (the caller answers 429). */
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * The portal's 429 exactly as AWS sends it (docs/aws-protocol.md §7): a namespaced `__type` and a generic message
 * in the body, and no `Retry-After` (AWS says nothing about when to try again).
 */
export const THROTTLED_BODY = {
  message: 'HTTP 429 Unknown Code',
  __type: 'com.amazonaws.switchboard.portal#TooManyRequestsException',
} as const;
