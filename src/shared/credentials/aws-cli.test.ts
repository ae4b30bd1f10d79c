/**
 * Reads what we generate with the real AWS CLI v2, offline: it only parses files and runs a credential_process,
 * and the one SSO profile it resolves stops at the (absent) cached token, before any network call.
 * Debian's package installs the CLI v2 as /usr/bin/aws; an `aws` earlier on PATH may be the CLI v1 (pip, pyenv),
 * which has no `configure export-credentials`, so that path is used unless AWS_CLI names another binary.
 * The CLI takes most of a second to start: keep the number of invocations small.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAwsConfig, type ConfigPortal, planAwsConfig } from './aws-config';
import { type CredentialsInput, formatCredentials } from './formats';

const AWS_CLI = process.env.AWS_CLI ?? '/usr/bin/aws';
const TIMEOUT = 30_000;

const PORTALS: ConfigPortal[] = [
  {
    name: 'Acme Corp',
    startUrl: 'https://acme.awsapps.com/start',
    region: 'us-east-1',
    accounts: [
      {
        accountId: '111122223333',
        accountName: 'Production',
        defaultRegion: 'eu-west-1',
        roles: ['Admin', 'ReadOnly'],
      },
      { accountId: '111122224444', accountName: 'x]\n[default]\nregion = evil', roles: ['Admin'] },
      { accountId: '111122225555', accountName: 'Produção #1 ; "q"', alias: '生产', roles: ['Admin'] },
    ],
  },
  {
    name: '',
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'eu-central-1',
    accounts: [{ accountId: '999988887777', accountName: 'Production', roles: ['Admin'] }],
  },
];
const OPTIONS = { template: '{account}.{role}' };

// Obviously fake, in AWS's alphabet.
const STATIC: CredentialsInput = {
  accessKeyId: 'ASIAEXAMPLESTATIC001',
  secretAccessKey: 'fakeSecret/Static+Key/EXAMPLE',
  sessionToken: 'FAKEsessionTOKEN/static+EXAMPLE==',
  expiration: Date.UTC(2099, 0, 1, 12, 30, 15),
  region: 'eu-west-1',
  profileName: 'pasted.Production.Admin',
};
const PROCESS: CredentialsInput = {
  ...STATIC,
  accessKeyId: 'ASIAEXAMPLEPROCESS01',
  secretAccessKey: 'fakeSecret/Process+Key/EXAMPLE',
  sessionToken: 'FAKEsessionTOKEN/process+EXAMPLE==',
};

let dir = '';

/** Runs the CLI with only our files in its environment (no inherited AWS_* variable, no instance metadata). */
function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  return new Promise((resolve) => {
    execFile(AWS_CLI, args, { env, timeout: TIMEOUT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) || 1 : 0, stdout, stderr });
    });
  });
}

describe('the AWS CLI reads what we generate', { timeout: TIMEOUT * 2 }, () => {
  beforeAll(async () => {
    if (!existsSync(AWS_CLI)) {
      throw new Error(`No AWS CLI at ${AWS_CLI}: install Debian's awscli (apt-get install awscli).`);
    }
    dir = await mkdtemp(join(tmpdir(), 'aws-sso-switcher-cli-'));
    const credsJson = join(dir, 'creds.json');
    await writeFile(credsJson, formatCredentials('credential-process', PROCESS));
    const config = `${buildAwsConfig(PORTALS, OPTIONS)}\n[profile from-process]\ncredential_process = cat ${credsJson}\n`;
    await writeFile(join(dir, 'config'), config);
    await writeFile(join(dir, 'credentials'), formatCredentials('credentials-file', STATIC));
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists every generated profile exactly', async () => {
    const generated = planAwsConfig(PORTALS, OPTIONS).profiles.map((p) => p.name);
    expect(generated).toContain('x-default-region-evil.Admin');
    const { code, stdout, stderr } = await aws('configure', 'list-profiles');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected = [...generated, 'from-process', 'pasted.Production.Admin'];
    expect(stdout.trim().split('\n').sort()).toEqual(expected.sort());
  });

  it('reads the account id of a profile named after a hostile account', async () => {
    const { stdout } = await aws(
      'configure',
      'get',
      'sso_account_id',
      '--profile',
      'x-default-region-evil.Admin',
    );
    expect(stdout.trim()).toBe('111122224444');
  });

  it("reads the account's default region", async () => {
    const { stdout } = await aws('configure', 'get', 'region', '--profile', 'Production.ReadOnly');
    expect(stdout.trim()).toBe('eu-west-1');
  });

  it('links a profile to its sso-session (and stops at the missing token, offline)', async () => {
    const { code, stderr } = await aws('configure', 'export-credentials', '--profile', 'Production.Admin-2');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Token for d-1234567890 does not exist/);
  });

  it('reads the credentials-file block as written', async () => {
    const { code, stdout, stderr } = await aws(
      'configure',
      'export-credentials',
      '--profile',
      'pasted.Production.Admin',
      '--format',
      'env',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `export AWS_ACCESS_KEY_ID=${STATIC.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${STATIC.secretAccessKey}`,
        `export AWS_SESSION_TOKEN=${STATIC.sessionToken}`,
        '',
      ].join('\n'),
    );
  });

  it('runs a credential_process that prints our JSON', async () => {
    const { code, stdout, stderr } = await aws(
      'configure',
      'export-credentials',
      '--profile',
      'from-process',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const read = JSON.parse(stdout) as Record<string, unknown>;
    expect(read).toMatchObject({
      Version: 1,
      AccessKeyId: PROCESS.accessKeyId,
      SecretAccessKey: PROCESS.secretAccessKey,
      SessionToken: PROCESS.sessionToken,
    });
    expect(Date.parse(String(read.Expiration))).toBe(PROCESS.expiration);
  });
});
