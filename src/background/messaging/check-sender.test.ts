import { describe, expect, it } from 'vitest';
import { checkSender } from './check-sender';

const self = { id: 'ext', baseUrl: 'chrome-extension://ext/' };

describe('checkSender for content messages', () => {
  it.each([
    'https://console.aws.amazon.com/console/home',
    'https://us-east-1.console.aws.amazon.com/ec2/home',
    'https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/s3',
    'https://console.amazonaws-us-gov.com/',
    'https://us-gov-west-1.console.amazonaws-us-gov.com/',
    'https://console.amazonaws.cn/',
    'https://cn-north-1.console.amazonaws.cn/',
    'https://console.amazonaws-eusc.eu/',
    'https://eusc-de-east-1.console.amazonaws-eusc.eu/console/home',
  ])('accepts a tab on %s', (url) => {
    expect(checkSender({ id: 'ext', url, tab: { id: 3 } }, 'content', self)).toEqual({ ok: true, tabId: 3 });
  });

  it.each([
    'https://console.aws.amazon.com.evil.example/',
    'https://evilconsole.aws.amazon.com/',
    'http://console.aws.amazon.com/',
    'https://example.com/?console.aws.amazon.com',
    'https://signin.aws.amazon.com/federation',
    'not a url',
  ])('refuses a tab on %s', (url) => {
    expect(checkSender({ id: 'ext', url, tab: { id: 3 } }, 'content', self)).toMatchObject({ ok: false });
  });

  it('refuses a content message with no tab', () => {
    expect(checkSender({ id: 'ext', url: 'https://console.aws.amazon.com/' }, 'content', self)).toMatchObject(
      {
        ok: false,
      },
    );
  });
});

describe('checkSender for extension messages', () => {
  it('accepts our own pages only', () => {
    expect(
      checkSender({ id: 'ext', url: 'chrome-extension://ext/src/popup/index.html' }, 'extension', self).ok,
    ).toBe(true);
    expect(checkSender({ id: 'ext', url: 'chrome-extension://other/x.html' }, 'extension', self).ok).toBe(
      false,
    );
    expect(checkSender({ id: 'ext', url: 'https://console.aws.amazon.com/' }, 'extension', self).ok).toBe(
      false,
    );
    expect(checkSender({ id: 'other', url: 'chrome-extension://ext/x.html' }, 'extension', self).ok).toBe(
      false,
    );
  });
});

describe('checkSender for the device-page content script', () => {
  it.each([
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH', true],
    ['https://device.sso.cn-north-1.amazonaws.com.cn/', true],
    ['https://d-9067c0ffee.awsapps.com/start/#/device?user_code=ABCD-EFGH', true],
    ['https://ssoins-7223c0ffee123456.us-east-1.portal.amazonaws.com/#/device', true],
    ['https://ssoins-7223c0ffee123456.portal.us-east-1.app.aws/#/device', true],
    ['https://us-east-1.signin.aws/platform/authorize?request_uri=abc', true],
    ['https://us-east-1.signin.aws.evil.example/platform/authorize', false],
    ['https://awsapps.com.evil.example/start/', false],
    ['https://device.sso.eusc-de-east-1.amazonaws.eu/', true],
    ['https://device.sso.us-east-1.amazonaws.com.evil.example/', false],
    ['https://console.aws.amazon.com/', false],
    ['http://device.sso.us-east-1.amazonaws.com/', false],
  ])('%s → %s', (url, ok) => {
    expect(checkSender({ id: 'ext', url, tab: { id: 1 } }, 'device', self).ok).toBe(ok);
  });

  it('keeps the console content script out of device messages and vice versa', () => {
    const console = { id: 'ext', url: 'https://console.aws.amazon.com/', tab: { id: 1 } };
    const device = { id: 'ext', url: 'https://device.sso.us-east-1.amazonaws.com/', tab: { id: 1 } };
    expect(checkSender(console, 'device', self).ok).toBe(false);
    expect(checkSender(device, 'content', self).ok).toBe(false);
  });
});
