import { execFile } from 'node:child_process';
import { parseEnv, promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_FORMATS,
  type CredentialFormat,
  type CredentialsInput,
  formatCredentials,
} from './formats';

const run = promisify(execFile);

// Obviously fake values in AWS's alphabet: `/`, `+` and `=` are what real secrets and tokens contain.
const FAKE: CredentialsInput = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+fake',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+fake+only==',
  expiration: Date.UTC(2030, 0, 2, 3, 4, 5),
  region: 'eu-west-1',
  profileName: 'acme-prod.AdministratorAccess',
};
const NO_REGION: CredentialsInput = { ...FAKE, region: undefined };
/** Printable, but everything a shell would expand or end a quote with. */
const HOSTILE = `it's"$(whoami)\`id\`!$HOME\\n;&|<>*#%'`;
const ALL = CREDENTIAL_FORMATS.map((f) => f.id);

describe('formatCredentials', () => {
  it('lists every format once, with a label', () => {
    expect(new Set(ALL).size).toBe(7);
    for (const f of CREDENTIAL_FORMATS) expect(f.label).not.toBe('');
  });

  it('writes bash exports, single-quoted, region in both variables', () => {
    expect(formatCredentials('bash', FAKE)).toBe(
      [
        `export AWS_ACCESS_KEY_ID='ASIAEXAMPLEEXAMPLE01'`,
        `export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+fake'`,
        `export AWS_SESSION_TOKEN='IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+fake+only=='`,
        `export AWS_REGION='eu-west-1'`,
        `export AWS_DEFAULT_REGION='eu-west-1'`,
        '',
      ].join('\n'),
    );
    expect(formatCredentials('bash', NO_REGION)).not.toContain('REGION');
  });

  it('writes fish, PowerShell and cmd lines', () => {
    expect(formatCredentials('fish', NO_REGION).split('\n')[0]).toBe(
      `set -gx AWS_ACCESS_KEY_ID 'ASIAEXAMPLEEXAMPLE01'`,
    );
    expect(formatCredentials('powershell', FAKE).split('\n')[4]).toBe(
      `$Env:AWS_DEFAULT_REGION = 'eu-west-1'`,
    );
    expect(formatCredentials('cmd', FAKE)).toBe(
      [
        'set AWS_ACCESS_KEY_ID=ASIAEXAMPLEEXAMPLE01',
        'set AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+fake',
        'set AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+fake+only==',
        'set AWS_REGION=eu-west-1',
        'set AWS_DEFAULT_REGION=eu-west-1',
        '',
      ].join('\n'),
    );
  });

  it('escapes quotes the way each shell needs', () => {
    const input = { ...NO_REGION, secretAccessKey: `a'b\\c` };
    expect(formatCredentials('bash', input)).toContain(`AWS_SECRET_ACCESS_KEY='a'\\''b\\c'\n`);
    expect(formatCredentials('fish', input)).toContain(`AWS_SECRET_ACCESS_KEY 'a\\'b\\\\c'\n`);
    expect(formatCredentials('powershell', input)).toContain(`AWS_SECRET_ACCESS_KEY = 'a''b\\c'\n`);
  });

  it('writes a credentials-file profile, region only as a comment', () => {
    expect(formatCredentials('credentials-file', FAKE)).toBe(
      [
        '[acme-prod.AdministratorAccess]',
        'aws_access_key_id = ASIAEXAMPLEEXAMPLE01',
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+fake',
        'aws_session_token = IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+fake+only==',
        '# region eu-west-1: set it in ~/.aws/config under [profile acme-prod.AdministratorAccess]',
        '',
      ].join('\n'),
    );
  });

  it('sanitises the credentials-file section name', () => {
    const text = formatCredentials('credentials-file', {
      ...NO_REGION,
      profileName: 'x]\n[default]\nevil = 1',
    });
    expect(text.split('\n')[0]).toBe('[x-default-evil-1]');
    expect(text.split('\n')).toHaveLength(5);
  });

  it('writes credential_process JSON with an ISO-8601 expiration', () => {
    const text = formatCredentials('credential-process', FAKE);
    expect(JSON.parse(text)).toEqual({
      Version: 1,
      AccessKeyId: FAKE.accessKeyId,
      SecretAccessKey: FAKE.secretAccessKey,
      SessionToken: FAKE.sessionToken,
      Expiration: '2030-01-02T03:04:05.000Z',
    });
    expect(text).toMatch(/^\{\n {2}"Version": 1,\n/);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes .env values unquoted when plain and single-quoted otherwise', () => {
    expect(formatCredentials('dotenv', FAKE)).toBe(
      [
        'AWS_ACCESS_KEY_ID=ASIAEXAMPLEEXAMPLE01',
        'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY+fake',
        'AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE/TOKEN+fake+only==',
        'AWS_REGION=eu-west-1',
        'AWS_DEFAULT_REGION=eu-west-1',
        '',
      ].join('\n'),
    );
    const text = formatCredentials('dotenv', { ...NO_REGION, secretAccessKey: 'a#b$c"d' });
    expect(text).toContain(`AWS_SECRET_ACCESS_KEY='a#b$c"d'\n`);
    // Node's own .env parser reads it back unchanged.
    expect(parseEnv(text)).toMatchObject({
      AWS_SECRET_ACCESS_KEY: 'a#b$c"d',
      AWS_SESSION_TOKEN: FAKE.sessionToken,
    });
  });

  it('refuses values a format has no quoting for, without echoing them', () => {
    const cases: [CredentialFormat, string][] = [
      ['cmd', 'FAKE&calc'],
      ['credentials-file', 'FAKE#comment'],
      ['dotenv', "FAKE'quote"],
    ];
    for (const [format, secret] of cases) {
      const call = () => formatCredentials(format, { ...NO_REGION, secretAccessKey: secret });
      expect(call).toThrow(/AWS_SECRET_ACCESS_KEY|aws_secret_access_key/);
      expect(call).not.toThrow(secret);
    }
  });

  it('refuses line breaks, control characters and spaces in every format', () => {
    for (const format of ALL) {
      for (const token of ['FAKE\nexport X=1', 'FAKE\r', 'FAKE\u0000', 'FAKE TOKEN', '', 'FAKE\u2028']) {
        expect(() => formatCredentials(format, { ...FAKE, sessionToken: token })).toThrow(/session token/);
      }
    }
  });

  it('refuses a region that is not a region code, and a bad expiration', () => {
    expect(() => formatCredentials('bash', { ...FAKE, region: "eu-west-1'; rm -rf ~" })).toThrow(/region/);
    expect(() => formatCredentials('bash', { ...FAKE, expiration: Number.NaN })).toThrow(/expiration/);
  });

  it('ends every format with exactly one newline', () => {
    for (const format of ALL) expect(formatCredentials(format, FAKE)).toMatch(/[^\n]\n$/);
  });
});

describe('shell round trip', () => {
  const input = { ...FAKE, secretAccessKey: HOSTILE, sessionToken: `${FAKE.sessionToken}'"` };
  const print =
    'printf "%s\\n" "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_REGION"';

  // bash runs what users paste into bash and zsh; dash checks that the text is plain POSIX sh.
  for (const shell of ['bash', 'dash']) {
    it(`${shell} reads back every value literally`, async () => {
      const script = `${formatCredentials('bash', input)}${print}\n`;
      const { stdout } = await run(shell, ['-c', script], {
        timeout: 10_000,
        env: { PATH: process.env.PATH },
      });
      expect(stdout).toBe(`${[input.accessKeyId, HOSTILE, input.sessionToken, 'eu-west-1'].join('\n')}\n`);
    });
  }
});
