import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The browser part of following a vanity URL: what webRequest reports for our own request is the answer. A tiny
 * fake stands for the permissions and webRequest APIs; `fetch` is stubbed and makes the fake report its answer.
 */
type Listener = (details: Record<string, unknown>) => void;
const listeners = new Set<Listener>();
let granted: string[] = [];
vi.mock('../../shared/browser', () => ({
  browser: {
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)),
      remove: async ({ origins }: { origins: string[] }) => {
        granted = granted.filter((o) => !origins.includes(o));
        return true;
      },
    },
    webRequest: {
      onHeadersReceived: {
        addListener: (listener: Listener) => listeners.add(listener),
        removeListener: (listener: Listener) => listeners.delete(listener),
      },
    },
  },
}));

const { releaseVanityAccess, resolveVanityStartUrl } = await import('./resolve-vanity');

/** The server: an answer per method; `null` fails the fetch (offline). Reported the way Chromium does. */
function server(answers: Record<string, { status: number; location?: string } | null>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    calls.push(`${method} ${url} ${init.redirect}`);
    const answer = answers[method];
    if (!answer) throw new TypeError('Failed to fetch');
    // Delivered after fetch settles, as in the browser.
    setTimeout(() => {
      for (const listener of listeners) {
        listener({
          url,
          method,
          tabId: -1,
          statusCode: answer.status,
          responseHeaders: answer.location ? [{ name: 'Location', value: answer.location }] : [],
        });
      }
    }, 5);
    return { type: 'opaqueredirect', status: 0 } as Response;
  });
  return calls;
}

const VANITY = 'https://aws.example-corp.com';
const PORTAL = 'https://ssoins-1234567890abcdef.portal.eu-west-1.app.aws';

beforeEach(() => {
  granted = ['https://aws.example-corp.com/*'];
  listeners.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('resolveVanityStartUrl', () => {
  it('sends one HEAD, follows no redirect, and reads the landing and region from what the browser saw', async () => {
    const calls = server({ HEAD: { status: 302, location: `${PORTAL}/start/` } });
    expect(await resolveVanityStartUrl(VANITY)).toEqual({
      ok: true,
      resolvedStartUrl: PORTAL,
      region: 'eu-west-1',
    });
    // Requested, and matched, as the browser writes the URL: with the root slash.
    expect(calls).toEqual([`HEAD ${VANITY}/ manual`]);
    expect(listeners.size).toBe(0);
  });

  it('asks again with GET when HEAD is refused', async () => {
    const calls = server({ HEAD: { status: 405 }, GET: { status: 301, location: PORTAL } });
    expect(await resolveVanityStartUrl(VANITY)).toMatchObject({ ok: true, resolvedStartUrl: PORTAL });
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['HEAD', 'GET']);
  });

  it('fetches nothing without access to that host, and says what to do', async () => {
    granted = [];
    const calls = server({});
    const result = await resolveVanityStartUrl(VANITY);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('permission to visit aws.example-corp.com'),
    });
    expect(calls).toEqual([]);
  });

  it('says the host could not be reached when the request fails', async () => {
    server({ HEAD: null });
    expect(await resolveVanityStartUrl(VANITY)).toEqual({
      ok: false,
      message: 'Could not reach aws.example-corp.com. Check the address and your connection.',
    });
    expect(listeners.size).toBe(0);
  });
});

describe('releaseVanityAccess', () => {
  it('gives the host back once no portal uses it, and keeps it while one does', async () => {
    await releaseVanityAccess(VANITY, [{ id: 'b', startUrl: `${VANITY}/other`, region: 'eu-west-1' }]);
    expect(granted).toEqual(['https://aws.example-corp.com/*']);
    await releaseVanityAccess(VANITY, []);
    expect(granted).toEqual([]);
  });
});
