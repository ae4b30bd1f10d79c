import { describe, expect, it } from 'vitest';
import { parseStartUrl } from './start-url';
import { isAwsOwnedPortalHost, resolveFromAnswer } from './vanity';

const VANITY = 'https://aws.example-corp.com';
const INSTANCE = 'ssoins-1234567890abcdef';

describe('isAwsOwnedPortalHost', () => {
  it.each([
    `${INSTANCE}.portal.us-east-1.app.aws`,
    `${INSTANCE}.eu-west-1.portal.amazonaws.com`,
    `${INSTANCE}.cn-north-1.portal.amazonaws.com.cn`,
    `${INSTANCE}.portal.cn-north-1.app.amazonwebservices.com.cn`,
    `${INSTANCE}.eusc-de-east-1.portal.amazonaws.eu`,
    `${INSTANCE}.portal.eusc-de-east-1.api.amazonwebservices.eu`,
    'd-1234567890.awsapps.com',
    'start.home.awsapps.cn',
    'identitycenter.amazonaws.com',
    'identitycenter.us-gov.amazonaws.com',
    'identitycenter.amazonaws.eu',
    'IdentityCenter.AmazonAWS.com.',
  ])('%s is AWS-owned', (host) => {
    expect(isAwsOwnedPortalHost(host)).toBe(true);
  });

  it.each(['aws.example-corp.com', 'app.aws.example.com', 'evil-awsapps.com', 'identitycenter.example.com'])(
    '%s is not',
    (host) => {
      expect(isAwsOwnedPortalHost(host)).toBe(false);
    },
  );

  it('agrees with the start-URL parser: no AWS-owned host is ever taken for a company domain', () => {
    for (const url of [
      'https://identitycenter.amazonaws.com/ssoins-1234567890abcdef',
      'https://identitycenter.us-gov.amazonaws.com/ssoins-1234567890abcdef',
      'https://identitycenter.amazonaws.eu/ssoins-1234567890abcdef',
      'https://deep.name.awsapps.com/start',
      `https://${INSTANCE}.eusc-de-east-1.portal.amazonaws.eu`,
    ]) {
      const parsed = parseStartUrl(url);
      expect(parsed.ok && parsed.kind === 'custom', url).toBe(false);
    }
  });
});

describe('resolveFromAnswer', () => {
  it.each([
    [
      `https://${INSTANCE}.portal.us-west-2.app.aws/`,
      `https://${INSTANCE}.portal.us-west-2.app.aws`,
      'us-west-2',
    ],
    [
      `https://${INSTANCE}.eu-central-1.portal.amazonaws.com/start/#/`,
      `https://${INSTANCE}.eu-central-1.portal.amazonaws.com`,
      'eu-central-1',
    ],
    [
      `https://${INSTANCE}.cn-north-1.portal.amazonaws.com.cn`,
      `https://${INSTANCE}.cn-north-1.portal.amazonaws.com.cn`,
      'cn-north-1',
    ],
    [
      `https://${INSTANCE}.portal.cn-northwest-1.app.amazonwebservices.com.cn/start`,
      `https://${INSTANCE}.portal.cn-northwest-1.app.amazonwebservices.com.cn`,
      'cn-northwest-1',
    ],
    ['https://d-1234567890.awsapps.com/start/?x=1#/', 'https://d-1234567890.awsapps.com/start', null],
    [
      `https://identitycenter.amazonaws.com/${INSTANCE}`,
      `https://identitycenter.amazonaws.com/${INSTANCE}`,
      null,
    ],
  ])('a redirect to %s lands on %s in region %s', (location, resolvedStartUrl, region) => {
    expect(resolveFromAnswer(VANITY, { status: 302, location })).toEqual({
      ok: true,
      resolvedStartUrl,
      region,
    });
  });

  it.each([301, 303, 307, 308])('follows a %i like a 302', (status) => {
    const answer = { status, location: 'https://d-1234567890.awsapps.com/start' };
    expect(resolveFromAnswer(VANITY, answer).ok).toBe(true);
  });

  it('reads a relative Location against the vanity URL, and refuses it as not AWS', () => {
    const result = resolveFromAnswer(VANITY, { status: 302, location: '/login' });
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('leads to https://aws.example-corp.com/login'),
    });
  });

  it('names where a host that does not land on AWS sent us, without query or fragment', () => {
    const result = resolveFromAnswer(VANITY, {
      status: 302,
      location: 'https://login.example-idp.com/sso/saml?SAMLRequest=secret#frag',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('aws.example-corp.com leads to https://login.example-idp.com/sso/saml');
    expect(result.message).toContain('not an AWS access portal');
    expect(result.message).not.toContain('secret');
  });

  it('takes one redirect only: a second company host is not followed', () => {
    const result = resolveFromAnswer(VANITY, { status: 302, location: 'https://sso.example-corp.com/' });
    expect(result.ok).toBe(false);
  });

  it('refuses a landing over http', () => {
    const result = resolveFromAnswer(VANITY, {
      status: 302,
      location: 'http://d-1234567890.awsapps.com/start',
    });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('must use https://') });
  });

  it('refuses an answer that is not a redirect, naming the status', () => {
    expect(resolveFromAnswer(VANITY, { status: 200 })).toEqual({
      ok: false,
      message: expect.stringContaining('HTTP 200'),
    });
    expect(resolveFromAnswer(VANITY, { status: 404 })).toEqual({
      ok: false,
      message: expect.stringContaining('HTTP 404'),
    });
  });

  it('refuses a redirect without a Location', () => {
    expect(resolveFromAnswer(VANITY, { status: 302 })).toEqual({
      ok: false,
      message: expect.stringContaining('no Location'),
    });
  });

  it('refuses an AWS-owned landing that is not a portal start URL, with the parser’s reason', () => {
    const result = resolveFromAnswer(VANITY, {
      status: 302,
      location: 'https://ssoins-bad.portal.us-east-1.app.aws',
    });
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('not an Identity Center instance id'),
    });
  });
});
