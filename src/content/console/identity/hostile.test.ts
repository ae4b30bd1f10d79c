// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readConsoleIdentity } from './index';

/** Corrupt and hostile page content: the next fallback answers, or null, and nothing throws. */

const ROLE = 'AWSReservedSSO_ReadOnlyAccess_abcdef0123456789';
const ARN = `arn:aws:sts::123456789012:assumed-role/${ROLE}/jane.doe`;
const HOST = {
  hostname: 'us-east-1.console.aws.amazon.com',
  href: 'https://us-east-1.console.aws.amazon.com/',
};
const MULTI = {
  hostname: '123456789012-abcd1234.eu-west-1.console.aws.amazon.com',
  href: 'https://123456789012-abcd1234.eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
};
const BIG = 'x'.repeat(10_240);

/** A page with session data `content` (any string) and optional nav-bar markup, built without HTML sinks. */
function page(content: string | null, nav?: { account?: string; role?: string }): Document {
  const doc = new DOMParser().parseFromString('<!doctype html><title>Console</title>', 'text/html');
  if (content !== null) {
    const meta = doc.createElement('meta');
    meta.setAttribute('name', 'awsc-session-data');
    meta.setAttribute('content', content);
    doc.head.append(meta);
  }
  if (nav?.role !== undefined) {
    const button = doc.createElement('button');
    button.dataset.testid = 'awsc-nav-account-menu-button';
    const span = doc.createElement('span');
    span.textContent = nav.role;
    button.append(span);
    doc.body.append(button);
  }
  if (nav?.account !== undefined) {
    const row = doc.createElement('div');
    const value = doc.createElement('span');
    value.textContent = nav.account;
    const copy = doc.createElement('button');
    copy.dataset.testid = 'awsc-copy-accountid';
    row.append(value, copy);
    doc.body.append(row);
  }
  return doc;
}

const userInfo = (info: unknown) => `aws-userInfo=${encodeURIComponent(JSON.stringify(info))}`;
const read = (doc: Document, cookie = '', location = HOST) => readConsoleIdentity(doc, location, cookie);

describe('session data that cannot be used falls through to the cookie', () => {
  it.each([
    ['bad JSON', '{"accountId":"123'],
    ['an array', '["123456789012"]'],
    ['null', 'null'],
    ['a number account id', '{"accountId":123456789012}'],
    ['an object account id', '{"accountId":{"toString":"123456789012"}}'],
    ['markup in the account id', '{"accountId":"<script>alert(1)</script>"}'],
    ['a 10 kB value', JSON.stringify({ accountId: BIG, sessionARN: BIG, displayName: BIG })],
    ['a 20 kB content', JSON.stringify({ accountId: '999999999999', padding: BIG + BIG })],
  ])('%s', (_, content) => {
    expect(read(page(content), userInfo({ arn: ARN }))).toMatchObject({
      accountId: '123456789012',
      roleName: 'ReadOnlyAccess',
      source: 'cookie',
    });
  });

  it('keeps the account but drops the ARN role when accountId and sessionARN disagree', () => {
    const content = JSON.stringify({ accountId: '210987654321', sessionARN: ARN });
    expect(read(page(content))).toMatchObject({ accountId: '210987654321', roleName: null });
  });

  it('reads "true" as multi-session and ignores other truthy values', () => {
    expect(read(page('{"accountId":"123456789012","prismModeEnabled":"true"}'))?.multiSession).toBe(true);
    expect(read(page('{"accountId":"123456789012","prismModeEnabled":1}'))?.multiSession).toBe(false);
  });
});

describe('cookies that cannot be used fall through to the nav bar', () => {
  const nav = { account: '1234-5678-9012', role: `${ROLE}/jane.doe @ acme` };
  it.each([
    ['malformed percent-encoding', 'aws-userInfo=%E0%A4%A'],
    ['bad JSON', `aws-userInfo=${encodeURIComponent('{"arn":')}`],
    ['an ARN of the wrong type', userInfo({ arn: ['arn'] })],
    ['a 10 kB value', userInfo({ arn: `${ARN}${BIG}` })],
    ['a look-alike name', `xaws-userInfo=${encodeURIComponent(JSON.stringify({ arn: ARN }))}`],
    ['the signed variant only', 'aws-userInfo-signed=eyJhbGciOiJFUzM4NCJ9.e30.sig'],
  ])('%s', (_, cookie) => {
    expect(read(page(null, nav), cookie)).toMatchObject({ accountId: '123456789012', source: 'nav-bar' });
  });

  it('an ARN of another partition than the host is some other session', () => {
    const cookie = userInfo({ arn: ARN.replace('arn:aws:', 'arn:aws-cn:') });
    expect(read(page(null), cookie)).toBeNull();
  });
});

describe('the nav bar', () => {
  it.each([
    ['markup in names', { account: '<b>1234</b>', role: '<img src=x onerror=alert(1)>/jane @ a' }],
    ['10 kB text', { account: BIG, role: BIG }],
    ['an IAM user, which has no role and no account shown', { role: 'jane @ acme-prod' }],
  ])('%s gives no identity', (_, nav) => {
    expect(read(page(null, nav))).toBeNull();
  });
});

describe('multi-session hosts', () => {
  it('skip signals of another account, such as the single-session cookie still set on the apex', () => {
    const other = userInfo({ arn: ARN.replace('123456789012', '210987654321') });
    const mine = userInfo({ arn: ARN });
    const doc = page('{"accountId":"210987654321","prismModeEnabled":true}');
    expect(read(doc, `${other}; ${mine}`, MULTI)).toMatchObject({
      accountId: '123456789012',
      roleName: 'ReadOnlyAccess',
      multiSession: true,
      source: 'cookie',
    });
  });

  it('still name the account when every page signal is corrupt', () => {
    expect(read(page('{'), 'aws-userInfo=%', MULTI)).toMatchObject({
      accountId: '123456789012',
      source: 'host',
    });
  });
});

describe('never throws', () => {
  it('on documents whose methods throw and on inputs of the wrong type', () => {
    const throwing = new Proxy(page(null), {
      get() {
        throw new Error('hostile getter');
      },
    });
    expect(read(throwing, userInfo({ arn: ARN }))).toMatchObject({ accountId: '123456789012' });
    expect(readConsoleIdentity(null as unknown as Document, null as never, null as never)).toBeNull();
    expect(read(page(null), undefined as unknown as string)).toBeNull();
  });
});
