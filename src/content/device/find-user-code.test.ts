import { describe, expect, it } from 'vitest';

import { findUserCode, isVerificationRoute } from './find-user-code';

describe('findUserCode', () => {
  it.each([
    // The classic device page: the code in the query.
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=RHHX-BCTS', '', 'RHHX-BCTS'],
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=rhhx-bcts', '', 'RHHX-BCTS'],
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=RHHXBCTS', '', 'RHHX-BCTS'],
    ['https://device.sso.us-east-1.amazonaws.com/', 'Your code is QWER-TYUI. Approve?', 'QWER-TYUI'],
    ['https://device.sso.us-east-1.amazonaws.com/', 'Enter the code shown in your terminal', null],
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=<script>', 'nothing', null],
    // The portal's single-page app: the code in the fragment's route.
    ['https://d-9067c0ffee.awsapps.com/start/#/device?user_code=RHHX-BCTS', '', 'RHHX-BCTS'],
    ['https://ssoins-7223c0ffee123456.portal.us-east-1.app.aws/#/device?user_code=rhhxbcts', '', 'RHHX-BCTS'],
    ['https://ssoins-7223c0ffee123456.us-east-1.portal.amazonaws.com/#/device', 'Loading…', null],
    ['https://d-9067c0ffee.awsapps.com/start/#/device?user_code=nope', 'Code QWER-TYUI', 'QWER-TYUI'],
    // The query wins over the fragment, the fragment over the text.
    [
      'https://d-9067c0ffee.awsapps.com/start/?user_code=AAAA-BBBB#/device?user_code=CCCC-DDDD',
      '',
      'AAAA-BBBB',
    ],
    ['https://d-9067c0ffee.awsapps.com/start/#/device?user_code=CCCC-DDDD', 'EEEE-FFFF', 'CCCC-DDDD'],
    // signin.aws: no code in the link, only on the page.
    [
      'https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Ax',
      'Confirm this code matches the one given to you. ABCD-EFGH Confirm and continue',
      'ABCD-EFGH',
    ],
    ['https://us-east-1.signin.aws/platform/authorize?request_uri=x', 'Sign in to continue', null],
  ])('%s, page "%s" → %s', (url, text, expected) => {
    expect(findUserCode(url, text)).toBe(expected);
  });
});

describe('isVerificationRoute', () => {
  it.each([
    ['https://device.sso.us-east-1.amazonaws.com/', true],
    ['https://device.sso.us-east-1.amazonaws.com/anything', true],
    ['https://d-9067c0ffee.awsapps.com/start/#/device?user_code=RHHX-BCTS', true],
    ['https://d-9067c0ffee.awsapps.com/start/#/device', true],
    ['https://ssoins-7223c0ffee123456.portal.us-east-1.app.aws/#/device?user_code=RHHX-BCTS', true],
    // The user's own portal: accounts, applications. Not a page that approves anything.
    ['https://d-9067c0ffee.awsapps.com/start/#/', false],
    ['https://d-9067c0ffee.awsapps.com/start/', false],
    ['https://d-9067c0ffee.awsapps.com/start/#/devices-of-mine', false],
    ['https://us-east-1.signin.aws/platform/authorize?request_uri=x', true],
    ['https://us-east-1.signin.aws/platform/login', false],
  ])('%s → %s', (url, expected) => {
    expect(isVerificationRoute(url)).toBe(expected);
  });
});
