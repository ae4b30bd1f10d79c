/**
 * Token bucket for the portal API: `burst` requests at once, refilled at `ratePerSecond`. Real time, not the
 * emulator's offset clock, because clients really wait `Retry-After` seconds.
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

  /** Takes a token, or says how many whole seconds (`Retry-After` is an integer) until one is free. */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    const wait = (1 - this.tokens) / this.ratePerSecond;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
  }
}
