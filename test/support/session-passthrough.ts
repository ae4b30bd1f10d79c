/**
 * A stand-in for `src/background/auth/session.ts` where the token is not under test: every call gets the same
 * token and goes through its `via` (the rate limiter), as the real `withAccessToken` sends it. Use as
 * `vi.mock('../auth/session', () => import('…/test/support/session-passthrough'))`.
 */
export const TEST_ACCESS_TOKEN = 'at-1';

export function withAccessToken<T>(
  _portalId: string,
  call: (token: string) => Promise<T>,
  via: (send: () => Promise<T>) => Promise<T> = (send) => send(),
): Promise<T> {
  return via(() => call(TEST_ACCESS_TOKEN));
}
