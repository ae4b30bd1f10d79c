import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSigninToken, SessionDurationRefused } from './signin-token';

const credentials = { accessKeyId: 'ASIA1', secretAccessKey: 'secret', sessionToken: 'token', expiration: 0 };
const ORIGIN = 'https://us-gov-west-1.signin.amazonaws-us-gov.com';

/** A fake sign-in host: `post` and `get` are the statuses it answers each method with. */
function signinHost(post: number, get = 200) {
  const calls: { method: string; url: string; body: string | null }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body ? String(init.body) : null });
    const status = method === 'POST' ? post : get;
    return new Response(status === 200 ? JSON.stringify({ SigninToken: `${method}-token` }) : '{}', {
      status,
    });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getSigninToken', () => {
  it('asks by POST, with the credentials in the body only', async () => {
    const calls = signinHost(200);
    expect(await getSigninToken(ORIGIN, credentials, 3600)).toBe('POST-token');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(`${ORIGIN}/federation`);
    expect(calls[0]?.body).toContain('SessionDuration=3600');
  });

  it.each([405, 403, 404, 400])(
    'falls back to GET when POST is refused with %i (GovCloud)',
    async (status) => {
      const calls = signinHost(status);
      expect(await getSigninToken(ORIGIN, credentials, null)).toBe('GET-token');
      expect(calls.map((c) => c.method)).toEqual(['POST', 'GET']);
      const query = new URL(calls[1]?.url ?? '').searchParams;
      expect(query.get('Action')).toBe('getSigninToken');
      expect(JSON.parse(query.get('Session') ?? '')).toEqual({
        sessionId: 'ASIA1',
        sessionKey: 'secret',
        sessionToken: 'token',
      });
    },
  );

  it('keeps the session length on the GET, and reports its refusal there', async () => {
    const calls = signinHost(405, 400);
    await expect(getSigninToken(ORIGIN, credentials, 7200)).rejects.toBeInstanceOf(SessionDurationRefused);
    expect(new URL(calls[1]?.url ?? '').searchParams.get('SessionDuration')).toBe('7200');
  });

  it('does not retry by GET when POST refused the session length', async () => {
    const calls = signinHost(400);
    await expect(getSigninToken(ORIGIN, credentials, 7200)).rejects.toBeInstanceOf(SessionDurationRefused);
    expect(calls).toHaveLength(1);
  });

  it('does not retry by GET when AWS fails (5xx) rather than refuses', async () => {
    const calls = signinHost(500);
    await expect(getSigninToken(ORIGIN, credentials, null)).rejects.toThrow('getSigninToken answered 500');
    expect(calls.map((c) => c.method)).toEqual(['POST']);
  });

  it('fails with the status when both forms are refused, without echoing the request', async () => {
    signinHost(405, 500);
    const error = await getSigninToken(ORIGIN, credentials, null).catch((e: Error) => e);
    expect(String(error)).toContain('getSigninToken answered 500');
    expect(String(error)).not.toContain('secret');
  });
});
