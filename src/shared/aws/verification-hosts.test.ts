import { describe, expect, it } from 'vitest';
import { checkVerificationLink, isVerificationHost, verificationMatchPatterns } from './verification-hosts';

describe('checkVerificationLink accepts every page AWS links to (docs/aws-protocol.md §5)', () => {
  it.each([
    ['https://device.sso.us-east-1.amazonaws.com/?user_code=RHHX-BCTS', 'aws'],
    ['https://d-9067c0ffee.awsapps.com/start/#/device?user_code=RHHX-BCTS', 'aws'],
    ['https://ssoins-7223c0ffee123456.us-east-2.portal.amazonaws.com/#/device?user_code=RHHX-BCTS', 'aws'],
    ['https://ssoins-7223c0ffee123456.portal.eu-west-1.app.aws/#/device?user_code=RHHX-BCTS', 'aws'],
    [
      'https://ap-southeast-2.signin.aws/platform/authorize?request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Aabc',
      'aws',
    ],
    ['https://device.sso.us-gov-west-1.amazonaws.com/?user_code=RHHX-BCTS', 'aws-us-gov'],
    ['https://start.us-gov-home.awsapps.com/directory/d-1234/#/device?user_code=RHHX-BCTS', 'aws-us-gov'],
    ['https://device.sso.cn-north-1.amazonaws.com.cn/?user_code=RHHX-BCTS', 'aws-cn'],
    [
      'https://ssoins-7223c0ffee123456.cn-north-1.portal.amazonaws.com.cn/#/device?user_code=RHHX-BCTS',
      'aws-cn',
    ],
    ['https://ssoins-7223c0ffee123456.portal.cn-northwest-1.app.amazonwebservices.com.cn/#/device', 'aws-cn'],
  ] as const)('%s (%s)', (link, partition) => {
    expect(checkVerificationLink(link, partition)).toEqual({ ok: true, url: new URL(link).href });
  });
});

describe('checkVerificationLink refuses anything else, saying why', () => {
  it.each([
    [
      'https://device.sso.us-east-1.amazonaws.com.evil.example/?user_code=RHHX-BCTS',
      'aws',
      'evil.example is not',
    ],
    ['https://evil.example/device.sso.us-east-1.amazonaws.com', 'aws', 'evil.example is not'],
    ['https://d-9067c0ffee.awsapps.com.evil.example/start/', 'aws', 'is not an AWS sign-in page'],
    ['https://awsapps.com/start/', 'aws', 'awsapps.com is not'],
    ['https://evil-awsapps.com/start/', 'aws', 'is not'],
    ['https://us-east-1.signin.aws.evil.example/platform/authorize', 'aws', 'is not'],
    ['https://evil.us-east-1.signin.aws/platform/authorize', 'aws', 'is not'],
    ['https://signin.aws/platform/authorize', 'aws', 'is not'],
    ['http://device.sso.us-east-1.amazonaws.com/?user_code=RHHX-BCTS', 'aws', 'does not use https (http:)'],
    ['javascript:alert(1)', 'aws', 'does not use https'],
    ['https://me:pw@device.sso.us-east-1.amazonaws.com/', 'aws', 'user name or password'],
    ['https://device.sso.us-east-1.amazonaws.com@evil.example/', 'aws', 'user name or password'],
    ['https://device.sso.us-east-1.amazonaws.com:8443/', 'aws', 'port (8443)'],
    ['not a url', 'aws', 'not a valid URL'],
    // Another partition's host: a GovCloud or China portal never approves on a commercial page, and back.
    ['https://device.sso.us-east-1.amazonaws.com/', 'aws-us-gov', 'is not an AWS GovCloud (US) sign-in page'],
    ['https://device.sso.us-gov-west-1.amazonaws.com/', 'aws', 'is not an AWS sign-in page'],
    ['https://device.sso.cn-north-1.amazonaws.com/', 'aws-cn', 'is not an AWS China sign-in page'],
    ['https://us-gov-west-1.signin.aws/platform/authorize', 'aws-us-gov', 'is not'],
    ['https://d-9067c0ffee.awsapps.com/start/', 'aws-cn', 'is not'],
    // A region that is not an Identity Center region.
    ['https://device.sso.xx-nowhere-9.amazonaws.com/', 'aws', 'is not'],
  ] as const)('%s (%s)', (link, partition, why) => {
    const result = checkVerificationLink(link, partition);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(why);
      expect(result.message).toMatch(/^AWS sent a sign-in link that was not opened/);
    }
  });
});

describe('the declared hosts as manifest match patterns', () => {
  it('are narrow: one per region and form, no bare AWS wildcard', () => {
    const patterns = verificationMatchPatterns();
    expect(patterns).toContain('https://device.sso.us-east-1.amazonaws.com/*');
    expect(patterns).toContain('https://*.awsapps.com/*');
    expect(patterns).toContain('https://*.us-east-1.portal.amazonaws.com/*');
    expect(patterns).toContain('https://*.portal.us-east-1.app.aws/*');
    expect(patterns).toContain('https://us-east-1.signin.aws/*');
    expect(patterns).toContain('https://*.portal.cn-north-1.app.amazonwebservices.com.cn/*');
    expect(patterns).not.toContain('https://*.amazonaws.com/*');
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  it('cover exactly the hosts the check accepts (a host from each pattern passes)', () => {
    for (const pattern of verificationMatchPatterns()) {
      const host = pattern.replace('https://', '').replace('/*', '').replace('*', 'ssoins-7223c0ffee123456');
      const partition = host.endsWith('.cn')
        ? 'aws-cn'
        : host.endsWith('.eu')
          ? 'aws-eusc'
          : host.includes('us-gov')
            ? 'aws-us-gov'
            : 'aws';
      const ok =
        isVerificationHost(host, partition) ||
        (host.endsWith('awsapps.com') && isVerificationHost(host, 'aws-us-gov'));
      expect(ok, host).toBe(true);
    }
  });
});
