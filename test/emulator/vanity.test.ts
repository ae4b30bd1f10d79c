import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFromAnswer } from '../../src/shared/aws/vanity.ts';
import { NOT_AWS_LANDING, VANITY_HOSTS } from './company-hosts.ts';
import { type Emulator, startEmulator } from './index.ts';
import { at, raw } from './support.ts';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

/** What the product's resolver makes of one answer, as the extension reads it (status and Location). */
const resolve = (host: string, answer: { status: number; headers: Record<string, unknown> }) =>
  resolveFromAnswer(`https://${host}`, {
    status: answer.status,
    location: answer.headers.location as string | undefined,
  });

describe('company vanity hosts', () => {
  it('redirect HEAD and GET once, with a 302, to the instance’s AWS-owned start URL', async () => {
    for (const method of ['HEAD', 'GET']) {
      const answer = await raw(emulator, at(emulator, VANITY_HOSTS.redirectsToPortal), { method });
      expect(answer.status).toBe(302);
      expect(answer.headers.location).toBe(emulator.startUrl);
    }
    const answer = await raw(emulator, at(emulator, VANITY_HOSTS.redirectsToPortal), { method: 'HEAD' });
    expect(resolve(VANITY_HOSTS.redirectsToPortal, answer)).toEqual({
      ok: true,
      resolvedStartUrl: emulator.startUrl,
      region: null,
    });
  });

  it('a misconfigured host sends people to a login page that is not AWS, and the resolver names it', async () => {
    const answer = await raw(emulator, at(emulator, VANITY_HOSTS.redirectsElsewhere), { method: 'HEAD' });
    expect(answer.status).toBe(302);
    const result = resolve(VANITY_HOSTS.redirectsElsewhere, answer);
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`leads to ${NOT_AWS_LANDING}`) });
  });

  it('a host that refuses HEAD answers 405 and redirects GET with a 301', async () => {
    const head = await raw(emulator, at(emulator, VANITY_HOSTS.refusesHead), { method: 'HEAD' });
    expect(head.status).toBe(405);
    const get = await raw(emulator, at(emulator, VANITY_HOSTS.refusesHead));
    expect([get.status, get.headers.location]).toEqual([301, emulator.startUrl]);
  });

  it('the redirect lands on a real page: the portal at its start URL', async () => {
    const { hostname, pathname } = new URL(emulator.startUrl);
    for (const path of [pathname, `${pathname}/`]) {
      const page = await raw(emulator, at(emulator, hostname, path));
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>AWS access portal</title>');
    }
  });
});
