import { describe, expect, it } from 'vitest';
import { portalInTab, regionFromPortalPage } from './portal-tab';

const INS = 'ssoins-7223d9a3d2ab4b6b';
/** The CSP of a real portal page (docs/aws-protocol.md §2.1), shortened to its connect-src. */
const CSP = (r: string) =>
  `default-src 'none'; connect-src https://portal.sso.${r}.amazonaws.com https://oidc.${r}.amazonaws.com https://up.sso.${r}.amazonaws.com https://log.sso-portal.${r}.amazonaws.com 'self';`;
const signals = (over: Partial<Record<'env' | 'metaRegion' | 'csp', string | null>>) => ({
  env: null,
  metaRegion: null,
  csp: null,
  ...over,
});

describe('portalInTab', () => {
  it.each([
    ['https://d-9067c0ffee.awsapps.com/start/#/', 'https://d-9067c0ffee.awsapps.com/start', null, 'aws'],
    [
      'https://mycompany.awsapps.com/start/#/console?account_id=111111111111&role_name=Admin',
      'https://mycompany.awsapps.com/start',
      null,
      'aws',
    ],
    [
      `https://${INS}.portal.eu-west-1.app.aws/#/`,
      `https://${INS}.portal.eu-west-1.app.aws`,
      'eu-west-1',
      'aws',
    ],
    [
      `https://${INS}.us-east-2.portal.amazonaws.com/`,
      `https://${INS}.us-east-2.portal.amazonaws.com`,
      'us-east-2',
      'aws',
    ],
    [
      `https://${INS}.us-gov-west-1.portal.amazonaws.com/#/`,
      `https://${INS}.us-gov-west-1.portal.amazonaws.com`,
      'us-gov-west-1',
      'aws-us-gov',
    ],
    [
      'https://start.us-gov-home.awsapps.com/directory/d-9067c0ffee#/',
      'https://start.us-gov-home.awsapps.com/directory/d-9067c0ffee',
      null,
      'aws-us-gov',
    ],
    [
      `https://${INS}.cn-north-1.portal.amazonaws.com.cn/`,
      `https://${INS}.cn-north-1.portal.amazonaws.com.cn`,
      'cn-north-1',
      'aws-cn',
    ],
    [
      `https://${INS}.eusc-de-east-1.portal.amazonaws.eu/`,
      `https://${INS}.eusc-de-east-1.portal.amazonaws.eu`,
      'eusc-de-east-1',
      'aws-eusc',
    ],
  ])('recognises %s', (url, startUrl, region, partition) => {
    expect(portalInTab(url)).toEqual({ startUrl, region, partition });
  });

  it.each([
    undefined,
    '',
    'chrome://extensions/',
    'http://d-9067c0ffee.awsapps.com/start',
    'https://sso.example.com/start', // a company's own site: not an AWS portal page
    'https://us-east-1.console.aws.amazon.com/console/home',
    'https://us-east-1.signin.aws/platform/login',
    'https://device.sso.us-east-1.amazonaws.com/',
    'https://d-9067c0ffee.awsapps.com/other',
    `https://${INS}.portal.xx-nowhere-1.app.aws/`,
    `https://identitycenter.amazonaws.com/${INS}`,
  ])('does not offer %s', (url) => {
    expect(portalInTab(url)).toBeNull();
  });
});

describe('regionFromPortalPage', () => {
  it('reads the #env JSON first', () => {
    const env = JSON.stringify({ partition: 'aws', region: 'eu-west-1', stage: 'prod' });
    expect(
      regionFromPortalPage(signals({ env, metaRegion: 'us-east-1', csp: CSP('us-east-2') }), 'aws'),
    ).toBe('eu-west-1');
  });

  it('falls back to the meta tag, then to the portal API host in the CSP', () => {
    expect(regionFromPortalPage(signals({ env: '{not json', metaRegion: ' ap-south-1 ' }), 'aws')).toBe(
      'ap-south-1',
    );
    expect(regionFromPortalPage(signals({ csp: CSP('eu-central-2') }), 'aws')).toBe('eu-central-2');
  });

  it('takes a region only from the exact portal API host of that region', () => {
    const lookalike = "connect-src https://portal.sso.eu-west-1.amazonaws.com.evil.example 'self'";
    expect(regionFromPortalPage(signals({ csp: lookalike }), 'aws')).toBeNull();
    const dualStack = "connect-src https://portal.sso.eu-west-3.api.aws 'self'";
    expect(regionFromPortalPage(signals({ csp: dualStack }), 'aws')).toBe('eu-west-3');
  });

  it('skips what is not an Identity Center region, or of another partition, and goes on', () => {
    const env = JSON.stringify({ region: '<img src=x onerror=alert(1)>' });
    expect(
      regionFromPortalPage(signals({ env, metaRegion: 'cn-north-1', csp: CSP('us-west-2') }), 'aws'),
    ).toBe('us-west-2');
    expect(regionFromPortalPage(signals({ metaRegion: 'us-gov-west-1' }), 'aws-us-gov')).toBe(
      'us-gov-west-1',
    );
    expect(regionFromPortalPage(signals({ metaRegion: 'us-gov-west-1' }), 'aws')).toBeNull();
    expect(regionFromPortalPage(signals({ env: JSON.stringify({ region: 42 }) }), 'aws')).toBeNull();
  });

  it('is null when the page names nothing, or the reader answered something else', () => {
    expect(regionFromPortalPage(signals({}), 'aws')).toBeNull();
    expect(regionFromPortalPage(undefined, 'aws')).toBeNull();
    expect(regionFromPortalPage({ env: 5 }, 'aws')).toBeNull();
    expect(regionFromPortalPage(signals({ env: 'x'.repeat(20_001) }), null)).toBeNull();
  });
});
