import { describe, expect, it } from 'vitest';
import { AWS_BRAND_WORDS, judgeStartUrlHost } from './host-trust';
import { parseStartUrl } from './start-url';

describe('judgeStartUrlHost', () => {
  it.each([
    'https://acme.awsapps.com/start',
    'https://d-1234567890.awsapps.com/start',
    'https://ssoins-1234567890abcdef.portal.us-east-1.app.aws',
    'https://ssoins-1234567890abcdef.eu-west-1.portal.amazonaws.com',
    'https://start.us-gov-home.awsapps.com/directory/d-1234567890',
    'https://identitycenter.amazonaws.com/ssoins-1234567890abcdef',
  ])('%s is an AWS access portal', (url) => {
    expect(judgeStartUrlHost(url).kind).toBe('aws');
  });

  it('takes a company address for what it is, and says where it leads when that is known', () => {
    expect(judgeStartUrlHost('https://aws.example-corp.com')).toEqual({
      kind: 'company',
      host: 'aws.example-corp.com',
    });
    expect(
      judgeStartUrlHost('https://sso.example-corp.com/start', 'https://d-1234567890.awsapps.com/start'),
    ).toEqual({
      kind: 'company',
      host: 'sso.example-corp.com',
      landsOn: 'https://d-1234567890.awsapps.com/start',
    });
  });

  it('does not cry wolf at the short words companies use for their portal address', () => {
    for (const url of [
      'https://aws.example-corp.com',
      'https://sso.aws.example.com/start',
      'https://portal-aws.example.org',
      'https://api.example.co.uk',
    ]) {
      expect(judgeStartUrlHost(url).kind, url).toBe('company');
    }
  });

  it('flags an AWS portal name at the start of someone else’s host, and names whose site it is', () => {
    const url = 'https://acme.awsapps.com.sso-login.example/start';
    // The parser must accept it as a company address: this is why the preview has to say more.
    expect(parseStartUrl(url)).toMatchObject({ ok: true, kind: 'custom' });
    expect(judgeStartUrlHost(url)).toEqual({
      kind: 'look-alike',
      host: 'acme.awsapps.com.sso-login.example',
      imitates: 'acme.awsapps.com',
      owner: 'sso-login.example',
    });
    expect(judgeStartUrlHost('https://ssoins-1234567890abcdef.portal.us-east-1.app.aws.example.net')).toEqual(
      expect.objectContaining({ kind: 'look-alike', owner: 'example.net' }),
    );
  });

  it('reads hyphens as dots, and catches an AWS brand word anywhere in the host', () => {
    expect(judgeStartUrlHost('https://acme-awsapps-com.example')).toEqual({
      kind: 'look-alike',
      host: 'acme-awsapps-com.example',
      imitates: 'acme-awsapps-com',
      owner: 'example',
    });
    expect(judgeStartUrlHost('https://amazonaws-login.example/start')).toMatchObject({
      kind: 'look-alike',
      imitates: 'amazonaws',
    });
    expect(judgeStartUrlHost('https://my.identitycenter.example.org')).toMatchObject({
      kind: 'look-alike',
      imitates: 'identitycenter',
    });
  });

  it('takes its brand words from the one list of AWS portal domains', () => {
    expect([...AWS_BRAND_WORDS].sort()).toEqual([
      'amazonaws',
      'amazonwebservices',
      'awsapps',
      'identitycenter',
    ]);
  });
});
