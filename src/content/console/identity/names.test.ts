import { describe, expect, it } from 'vitest';
import { parseConsoleHost } from './host';
import { accountIdOf, parseArn, permissionSetOf, roleFromDisplayName } from './names';

describe('parseConsoleHost (protocol doc §4.3, §5)', () => {
  const none = { region: null, multiSessionAccountId: null };
  it.each([
    ['console.aws.amazon.com', { partition: 'aws', ...none }],
    [
      'us-east-1.console.aws.amazon.com',
      { partition: 'aws', region: 'us-east-1', multiSessionAccountId: null },
    ],
    [
      '123456789012-abcd1234.eu-west-1.console.aws.amazon.com',
      { partition: 'aws', region: 'eu-west-1', multiSessionAccountId: '123456789012' },
    ],
    ['console.amazonaws-us-gov.com', { partition: 'aws-us-gov', ...none }],
    [
      'us-gov-west-1.console.amazonaws-us-gov.com',
      { partition: 'aws-us-gov', region: 'us-gov-west-1', multiSessionAccountId: null },
    ],
    ['console.amazonaws.cn', { partition: 'aws-cn', ...none }],
    [
      'cn-north-1.console.amazonaws.cn',
      { partition: 'aws-cn', region: 'cn-north-1', multiSessionAccountId: null },
    ],
    // The European Sovereign Cloud's console domain (docs/aws-protocol.md §8.3).
    ['console.amazonaws-eusc.eu', { partition: 'aws-eusc', ...none }],
    [
      'eusc-de-east-1.console.amazonaws-eusc.eu',
      { partition: 'aws-eusc', region: 'eusc-de-east-1', multiSessionAccountId: null },
    ],
    [
      '123456789012-abcd1234.eusc-de-east-1.console.amazonaws-eusc.eu',
      { partition: 'aws-eusc', region: 'eusc-de-east-1', multiSessionAccountId: '123456789012' },
    ],
    ['eu-central-1.console.amazonaws-eusc.eu', { partition: 'aws-eusc', ...none }],
    ['CONSOLE.AWS.AMAZON.COM.', { partition: 'aws', ...none }],
    ['s3.console.aws.amazon.com', { partition: 'aws', ...none }],
    // A region of another partition is no region of this host.
    ['cn-north-1.console.aws.amazon.com', { partition: 'aws', ...none }],
  ])('%s', (host, expected) => {
    expect(parseConsoleHost(host)).toEqual(expected);
  });

  it.each([
    'aws.amazon.com',
    'signin.aws.amazon.com',
    'console.aws.amazon.com.evil.example',
    'evilconsole.aws.amazon.com',
    'console.aws.amazon.co',
    'console.amazonaws.eu',
    'a.b.c.console.aws.amazon.com',
    'foo.us-east-1.console.aws.amazon.com',
    '123456789012-abcd1234.console.aws.amazon.com.cn',
    '12345678901-abcd1234.eu-west-1.console.aws.amazon.com',
    '123456789012-abcd1234.not-a-region.console.aws.amazon.com',
    '',
    `${'a'.repeat(10_000)}.console.aws.amazon.com`,
  ])('%s is not a console host', (host) => {
    expect(parseConsoleHost(host)).toBeNull();
  });

  it('survives values of the wrong type', () => {
    expect(parseConsoleHost(42 as unknown as string)).toBeNull();
  });
});

describe('permissionSetOf (§5 SSO role name)', () => {
  it.each([
    ['AWSReservedSSO_AdministratorAccess_0123456789abcdef', 'AdministratorAccess'],
    ['AWSReservedSSO_Data_Engineers_0123456789abcdef', 'Data_Engineers'],
    ['AWSReservedSSO_AdministratorAccess_0123', 'AWSReservedSSO_AdministratorAccess_0123'],
    ['OrganizationAccountAccessRole', 'OrganizationAccountAccessRole'],
    ['AWSReservedSSO__0123456789abcdef', 'AWSReservedSSO__0123456789abcdef'],
  ])('%s → %s', (role, expected) => {
    expect(permissionSetOf(role)).toBe(expected);
  });
});

describe('parseArn', () => {
  const role = 'AWSReservedSSO_ReadOnlyAccess_abcdef0123456789';
  it.each([
    [`arn:aws:sts::123456789012:assumed-role/${role}/jane.doe`, 'aws', role],
    [`arn:aws-us-gov:sts::123456789012:assumed-role/${role}/jane.doe`, 'aws-us-gov', role],
    [`arn:aws-cn:sts::123456789012:assumed-role/${role}/jane@example.com`, 'aws-cn', role],
    ['arn:aws:iam::123456789012:role/service/Deployer', 'aws', 'Deployer'],
    ['arn:aws:iam::123456789012:user/jane', 'aws', null],
    ['arn:aws:iam::123456789012:root', 'aws', null],
    ['arn:aws:sts::123456789012:assumed-role/<script>alert(1)</script>/jane', 'aws', null],
  ])('%s', (arn, partition, roleName) => {
    expect(parseArn(arn)).toEqual({ partition, accountId: '123456789012', roleName });
  });

  it.each([
    'arn:aws:s3:::bucket',
    'arn:aws-eusc:sts::123456789012:assumed-role/R/u',
    'arn:aws:sts::12345678901:assumed-role/R/u',
    'arn:aws:sts::123456789012:assumed role/R/u',
    'arn:aws:sts::123456789012:assumed-role/<img src=x onerror=alert(1)>/jane',
    ` arn:aws:sts::123456789012:assumed-role/R/u`,
    `arn:aws:sts::123456789012:assumed-role/R/${'u'.repeat(10_000)}`,
    null,
    123456789012,
    { arn: 'arn:aws:sts::123456789012:root' },
  ])('%s is refused', (value) => {
    expect(parseArn(value)).toBeNull();
  });
});

describe('roleFromDisplayName and accountIdOf', () => {
  it.each([
    ['AWSReservedSSO_Admin_0123456789abcdef/jane.doe @ acme-prod', 'AWSReservedSSO_Admin_0123456789abcdef'],
    ['Deployer/jane@example.com @ 1234-5678-9012', 'Deployer'],
    ['  Deployer/jane  ', 'Deployer'],
    ['assumed-role/Deployer/jane', 'Deployer'],
    ['jane @ acme-prod', null],
    ['/jane @ acme', null],
    ['<b>Admin</b>/jane @ acme', null],
    [`${'R'.repeat(10_000)}/jane`, null],
    [undefined, null],
  ])('%s → %s', (name, expected) => {
    expect(roleFromDisplayName(name)).toBe(expected);
  });

  it.each([
    ['1234-5678-9012', '123456789012'],
    [' 123456789012\n', '123456789012'],
    ['1234-5678-901', null],
    ['1234 5678 9012', null],
    ['acme-prod', null],
    [123456789012, null],
  ])('%s → %s', (value, expected) => {
    expect(accountIdOf(value)).toBe(expected);
  });
});
