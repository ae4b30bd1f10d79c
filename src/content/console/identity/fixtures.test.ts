// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ConsoleIdentity, readConsoleIdentity } from './index';

/**
 * Every reader against saved console pages (test/fixtures/console, regenerated from the emulator by
 * generate.ts there; pages.json holds each page's URL and what its document.cookie showed).
 */

// A path, not a URL: under happy-dom `URL` is the DOM's, which node:fs does not take.
const DIR = join(fileURLToPath(import.meta.url), '../../../../../test/fixtures/console');
const PAGES = JSON.parse(readFileSync(join(DIR, 'pages.json'), 'utf8')) as {
  file: string;
  href: string;
  cookie: string;
}[];

function load(file: string) {
  const page = PAGES.find((p) => p.file === file);
  if (!page) throw new Error(`${file} is not in pages.json`);
  const doc = new DOMParser().parseFromString(readFileSync(join(DIR, file), 'utf8'), 'text/html');
  return { doc, location: { hostname: new URL(page.href).hostname, href: page.href }, cookie: page.cookie };
}

function identity(file: string): ConsoleIdentity | null {
  const { doc, location, cookie } = load(file);
  return readConsoleIdentity(doc, location, cookie);
}

function id(
  accountId: string,
  roleName: string,
  partition: ConsoleIdentity['partition'],
  region: string,
  source: ConsoleIdentity['source'] = 'session-data',
  multiSession = false,
): ConsoleIdentity {
  return { accountId, roleName, partition, region, multiSession, source };
}

const EXPECTED: [string, ConsoleIdentity | null][] = [
  ['single-session.html', id('656314767404', 'ReadOnlyAccess', 'aws', 'us-east-1')],
  ['single-session-apex.html', id('059928033537', 'SecurityAudit', 'aws', 'us-east-1')],
  ['multi-session.html', id('326373682161', 'AdministratorAccess', 'aws', 'eu-west-1', 'session-data', true)],
  ['govcloud.html', id('731236547144', 'ViewOnlyAccess', 'aws-us-gov', 'us-gov-west-1')],
  ['govcloud-regional.html', id('731236547144', 'ViewOnlyAccess', 'aws-us-gov', 'us-gov-west-1')],
  ['china.html', id('918115899360', 'AdministratorAccess', 'aws-cn', 'cn-north-1')],
  ['china-regional.html', id('918115899360', 'AdministratorAccess', 'aws-cn', 'cn-north-1')],
  ['session-data-arn-only.html', id('123456789012', 'ReadOnlyAccess', 'aws', 'eu-west-2')],
  // The page's own region meta (us-west-2) wins over the us-east-1 host and session data.
  ['session-data-documented-only.html', id('123456789012', 'ReadOnlyAccess', 'aws', 'us-west-2', 'cookie')],
  ['nav-bar-only.html', id('445566778899', 'PowerUserAccess', 'aws', 'eu-central-1', 'nav-bar')],
  ['legacy-nav.html', id('210987654321', 'Billing', 'aws', 'us-east-1', 'nav-bar')],
  ['signed-out.html', null],
  // The multi-session apex lists other sessions' hosts; none of them is this page's identity.
  ['session-chooser.html', null],
];

describe('readConsoleIdentity on saved console pages', () => {
  it('has an expectation for every saved page', () => {
    expect(PAGES.map((p) => p.file).sort()).toEqual(EXPECTED.map(([file]) => file).sort());
  });

  it.each(EXPECTED)('%s', (file, expected) => {
    expect(identity(file)).toEqual(expected);
  });
});

/** Pages whose every signal is present: each fallback alone must give the same account and role. */
const FULL = EXPECTED.filter(([file]) => !/only|legacy|signed-out|chooser/.test(file));

describe('each fallback alone, on the emulator pages', () => {
  it.each(FULL)('%s: the aws-userInfo cookie once the session data is gone', (file, expected) => {
    const { doc, location, cookie } = load(file);
    doc.querySelector('meta[name="awsc-session-data"]')?.remove();
    expect(readConsoleIdentity(doc, location, cookie)).toMatchObject({
      accountId: expected?.accountId,
      roleName: expected?.roleName,
      partition: expected?.partition,
      region: expected?.region,
      source: 'cookie',
    });
  });

  it.each(FULL)('%s: the nav bar once session data and cookie are gone', (file, expected) => {
    const { doc, location } = load(file);
    doc.querySelector('meta[name="awsc-session-data"]')?.remove();
    doc.querySelector('meta#awsc-mezz-region')?.remove();
    expect(readConsoleIdentity(doc, location, '')).toMatchObject({
      accountId: expected?.accountId,
      roleName: expected?.roleName,
      partition: expected?.partition,
      source: 'nav-bar',
    });
  });

  it('the multi-session host alone still names the account', () => {
    const { location } = load('multi-session.html');
    const blank = new DOMParser().parseFromString('<title>Console</title>', 'text/html');
    expect(readConsoleIdentity(blank, location, '')).toEqual({
      accountId: '326373682161',
      roleName: null,
      partition: 'aws',
      region: 'eu-west-1',
      multiSession: true,
      source: 'host',
    });
  });
});
