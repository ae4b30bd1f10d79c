import { describe, expect, it } from 'vitest';
import { describeStartUrlExamples, parseStartUrl, type StartUrlKind, startUrlStack } from './start-url';

const INS = 'ssoins-7223d9a3d2ab4b6b';

type Good = [
  input: string,
  startUrl: string,
  region: string | null,
  partition: string | null,
  kind: StartUrlKind,
];

const GOOD: Good[] = [
  // Legacy directory id and alias forms: the path is always exactly /start.
  [
    'https://d-1234567890.awsapps.com/start',
    'https://d-1234567890.awsapps.com/start',
    null,
    'aws',
    'awsapps',
  ],
  [
    'https://d-1234567890.awsapps.com/start/',
    'https://d-1234567890.awsapps.com/start',
    null,
    'aws',
    'awsapps',
  ],
  [
    'https://d-1234567890.awsapps.com/start/#/',
    'https://d-1234567890.awsapps.com/start',
    null,
    'aws',
    'awsapps',
  ],
  [
    'https://d-1234567890.awsapps.com/start#/',
    'https://d-1234567890.awsapps.com/start',
    null,
    'aws',
    'awsapps',
  ],
  [
    'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=AdministratorAccess',
    'https://d-1234567890.awsapps.com/start',
    null,
    'aws',
    'awsapps',
  ],
  [
    'https://d-1234567890.awsapps.com/start?utm=mail',
    'https://d-1234567890.awsapps.com/start',
    null,
    'aws',
    'awsapps',
  ],
  ['https://d-1234567890.awsapps.com', 'https://d-1234567890.awsapps.com/start', null, 'aws', 'awsapps'],
  ['  https://MyCompany.AWSAPPS.com/Start/  ', 'https://mycompany.awsapps.com/start', null, 'aws', 'awsapps'],
  ['mycompany.awsapps.com/start', 'https://mycompany.awsapps.com/start', null, 'aws', 'awsapps'],
  ['mycompany.awsapps.com:443/start/#/', 'https://mycompany.awsapps.com/start', null, 'aws', 'awsapps'],
  [
    'https://d-1234567890.awsapps.com./start',
    'https://d-1234567890.awsapps.com/start',
    null,
    'aws',
    'awsapps',
  ],
  // New dual-stack and IPv4-only forms carry the home region; /start is optional and dropped.
  [
    `https://${INS}.portal.us-east-1.app.aws`,
    `https://${INS}.portal.us-east-1.app.aws`,
    'us-east-1',
    'aws',
    'app-aws',
  ],
  [
    `https://${INS.toUpperCase()}.portal.eu-central-1.app.aws/start/#/`,
    `https://${INS}.portal.eu-central-1.app.aws`,
    'eu-central-1',
    'aws',
    'app-aws',
  ],
  [
    `${INS}.portal.us-gov-west-1.app.aws/`,
    `https://${INS}.portal.us-gov-west-1.app.aws`,
    'us-gov-west-1',
    'aws-us-gov',
    'app-aws',
  ],
  [
    `https://${INS}.eu-west-1.portal.amazonaws.com/?x=1`,
    `https://${INS}.eu-west-1.portal.amazonaws.com`,
    'eu-west-1',
    'aws',
    'portal',
  ],
  [
    `https://${INS}.us-gov-east-1.portal.amazonaws.com/start`,
    `https://${INS}.us-gov-east-1.portal.amazonaws.com`,
    'us-gov-east-1',
    'aws-us-gov',
    'portal',
  ],
  // China.
  [
    `https://${INS}.cn-north-1.portal.amazonaws.com.cn/`,
    `https://${INS}.cn-north-1.portal.amazonaws.com.cn`,
    'cn-north-1',
    'aws-cn',
    'china',
  ],
  [
    `https://${INS}.portal.cn-northwest-1.app.amazonwebservices.com.cn/#/`,
    `https://${INS}.portal.cn-northwest-1.app.amazonwebservices.com.cn`,
    'cn-northwest-1',
    'aws-cn',
    'china',
  ],
  [
    'https://start.cn-north-1.home.awsapps.cn/directory/d-8267160432#/',
    'https://start.cn-north-1.home.awsapps.cn/directory/d-8267160432',
    'cn-north-1',
    'aws-cn',
    'china',
  ],
  [
    'https://start.home.awsapps.cn/directory/mycompany/',
    'https://start.home.awsapps.cn/directory/mycompany',
    null,
    'aws-cn',
    'china',
  ],
  // GovCloud legacy.
  [
    'https://start.us-gov-home.awsapps.com/directory/d-1234567890',
    'https://start.us-gov-home.awsapps.com/directory/d-1234567890',
    null,
    'aws-us-gov',
    'govcloud-legacy',
  ],
  [
    'https://start.us-gov-east-1.us-gov-home.awsapps.com/directory/d-1234567890/#/',
    'https://start.us-gov-east-1.us-gov-home.awsapps.com/directory/d-1234567890',
    'us-gov-east-1',
    'aws-us-gov',
    'govcloud-legacy',
  ],
  // Issuer URLs: the commercial host also serves GovCloud, so its partition is unknown.
  [
    `https://identitycenter.amazonaws.com/${INS}/`,
    `https://identitycenter.amazonaws.com/${INS}`,
    null,
    null,
    'issuer',
  ],
  [
    `https://identitycenter.amazonaws.com.cn/${INS}`,
    `https://identitycenter.amazonaws.com.cn/${INS}`,
    null,
    'aws-cn',
    'issuer',
  ],
  [
    `https://identitycenter.us-gov.amazonaws.com/${INS}`,
    `https://identitycenter.us-gov.amazonaws.com/${INS}`,
    null,
    'aws-us-gov',
    'issuer',
  ],
  // Vanity domains: accepted as is (path kept), region asked for later.
  ['https://sso.example.com', 'https://sso.example.com', null, null, 'custom'],
  ['https://SSO.Example.com/aws/?x=1#/frag', 'https://sso.example.com/aws', null, null, 'custom'],
  // The European Sovereign Cloud (aws-eusc): its own domains and issuer host (docs/aws-protocol.md §1).
  [
    `https://${INS}.eusc-de-east-1.portal.amazonaws.eu/start/`,
    `https://${INS}.eusc-de-east-1.portal.amazonaws.eu`,
    'eusc-de-east-1',
    'aws-eusc',
    'eusc',
  ],
  [
    `https://${INS}.portal.eusc-de-east-1.api.amazonwebservices.eu`,
    `https://${INS}.portal.eusc-de-east-1.api.amazonwebservices.eu`,
    'eusc-de-east-1',
    'aws-eusc',
    'eusc',
  ],
  [
    `https://identitycenter.amazonaws.eu/${INS}`,
    `https://identitycenter.amazonaws.eu/${INS}`,
    null,
    'aws-eusc',
    'issuer',
  ],
];

const BAD: [input: string, message: RegExp][] = [
  ['', /^Enter your AWS access portal start URL/],
  ['   ', /^Enter your AWS access portal start URL/],
  ['my start url', /cannot contain spaces/],
  ['https://', /not a valid URL/],
  ['https://exa mple.com', /cannot contain spaces/],
  ['http://d-1234567890.awsapps.com/start', /must use https:\/\/, not http:\/\//],
  ['ftp://d-1234567890.awsapps.com/start', /must begin with https:\/\//],
  ['javascript:alert(1)', /must begin with https:\/\//],
  ['https://user:secret@d-1234567890.awsapps.com/start', /Remove the user name and password/],
  ['https://d-1234567890.awsapps.com:8443/start', /Remove the port \(:8443\)/],
  [`https://${INS}.portal.eu-fake-1.app.aws`, /^eu-fake-1 is not a region where IAM Identity Center runs/],
  [
    `https://${INS}.us-east-7.portal.amazonaws.com`,
    /^us-east-7 is not a region where IAM Identity Center runs/,
  ],
  [
    `https://${INS}.cn-north-1.portal.amazonaws.com`,
    /cn-north-1 is a China region, but .* is a commercial AWS or/,
  ],
  [
    `https://${INS}.us-east-1.portal.amazonaws.com.cn`,
    /us-east-1 is a commercial AWS region, but .* China portal/,
  ],
  [
    'https://start.us-east-1.us-gov-home.awsapps.com/directory/d-1234567890',
    /us-east-1 is a commercial AWS region, .* GovCloud \(US\) portal host/,
  ],
  ['https://ssoins-123.portal.us-east-1.app.aws', /^ssoins-123 is not an Identity Center instance id/],
  [
    'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1',
    /AWS Management Console URL, not the access portal start URL/,
  ],
  ['https://console.aws.amazon.com/singlesignon/home', /AWS Management Console URL/],
  ['https://console.amazonaws-us-gov.com/', /AWS Management Console URL/],
  ['https://signin.aws.amazon.com/federation', /AWS sign-in page/],
  ['https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH', /confirmation \(device\) page/],
  [
    'https://portal.sso.us-east-1.amazonaws.com',
    /portal\.sso\.us-east-1\.amazonaws\.com is an AWS host but not/,
  ],
  ['https://foo.bar.awsapps.com/start', /foo\.bar\.awsapps\.com is an AWS host but not an access portal/],
  ['https://docs.aws.amazon.com/singlesignon/latest/userguide/', /is an AWS host but not an access portal/],
  [
    'https://d-1234567890.awsapps.com/directory/d-1234567890',
    /start URL is https:\/\/d-1234567890\.awsapps\.com\/start, not …\/directory\/d-1234567890/,
  ],
  ['https://mycompany.awsapps.com/mail', /https:\/\/mycompany\.awsapps\.com\/start, not …\/mail/],
  [
    'https://start.us-gov-home.awsapps.com/start',
    /awsapps\.com\/directory\/d-x+ \(your directory id or alias\), not …\/start/,
  ],
  [
    `https://${INS}.portal.us-east-1.app.aws/console`,
    /start URL is https:\/\/ssoins-\S+\.app\.aws, not …\/console/,
  ],
  ['https://identitycenter.amazonaws.com/', /amazonaws\.com\/ssoins-x+ \(your instance id\)\.$/],
  [
    `https://${INS}.eu-central-1.portal.amazonaws.eu`,
    /eu-central-1 is a commercial AWS region, but \S+ is a European Sovereign Cloud portal host/,
  ],
  [
    `https://${INS}.portal.eusc-de-east-1.app.aws`,
    /eusc-de-east-1 is a European Sovereign Cloud region, but \S+ is a commercial AWS or GovCloud \(US\) portal host/,
  ],
  ['https://console.amazonaws-eusc.eu/console/home', /Management Console URL/],
  ['https://eusc-de-east-1.signin.amazonaws-eusc.eu/federation', /AWS sign-in page/],
  ['https://192.168.1.10/start', /192\.168\.1\.10 is an IP address/],
  ['https://[::1]/start', /is an IP address/],
  ['https://localhost:3000/start', /localhost is not an access portal/],
  ['https://portal.localhost', /localhost is not an access portal/],
  ['mycompany', /If it is your alias: https:\/\/mycompany\.awsapps\.com\/start/],
];

describe('parseStartUrl', () => {
  it.each(GOOD)('accepts %s', (input, startUrl, region, partition, kind) => {
    expect(parseStartUrl(input)).toEqual({ ok: true, startUrl, region, partition, kind });
  });

  it.each(GOOD)('is idempotent on the normalised form of %s', (input) => {
    const first = parseStartUrl(input);
    expect(first.ok && parseStartUrl(first.startUrl)).toEqual(first);
  });

  it.each(BAD)('rejects %j', (input, message) => {
    const result = parseStartUrl(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('never echoes a password in its message', () => {
    const result = parseStartUrl('https://alice:hunter2@d-1234567890.awsapps.com/start');
    expect(result.ok ? '' : result.message).not.toContain('hunter2');
  });
});

describe('startUrlStack', () => {
  it.each([
    [`https://${INS}.portal.us-east-1.app.aws`, 'dualstack'],
    [`https://${INS}.portal.cn-north-1.app.amazonwebservices.com.cn`, 'dualstack'],
    [`https://${INS}.portal.eusc-de-east-1.api.amazonwebservices.eu`, 'dualstack'],
    [`https://${INS}.us-east-1.portal.amazonaws.com`, 'ipv4'],
    [`https://${INS}.cn-north-1.portal.amazonaws.com.cn`, 'ipv4'],
    [`https://${INS}.eusc-de-east-1.portal.amazonaws.eu`, 'ipv4'],
    ['https://d-1234567890.awsapps.com/start', 'ipv4'],
    [`https://identitycenter.amazonaws.com/${INS}`, 'ipv4'],
    ['https://aws.example-corp.com', 'ipv4'],
    ['not a url', 'ipv4'],
  ])('%s is called on the %s endpoints', (startUrl, stack) => {
    expect(startUrlStack(startUrl)).toBe(stack);
  });
});

describe('describeStartUrlExamples', () => {
  it('returns three examples that parse', () => {
    const examples = describeStartUrlExamples();
    expect(examples).toHaveLength(3);
    for (const example of examples)
      expect(parseStartUrl(example)).toMatchObject({ ok: true, startUrl: example });
  });
});
