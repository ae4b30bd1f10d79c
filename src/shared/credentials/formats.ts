/**
 * Temporary role credentials as text to paste: shell exports, a credentials-file profile, credential_process
 * JSON or a .env file. Pure string building; the caller decides where the text goes (it holds a secret).
 */
import { CREDENTIAL_FORMAT_IDS, type CredentialFormat } from './format-ids';
import { sanitiseName } from './profile-name';
import { quoteFish, quotePosix, quotePowerShell } from './shell-quote';
import { assertPrintable, isPlain, isRegion } from './values';

export { expiresInText } from './expires-in';

export type { CredentialFormat };

const LABELS: Readonly<Record<CredentialFormat, string>> = {
  bash: 'bash / zsh export',
  fish: 'fish',
  powershell: 'PowerShell',
  cmd: 'Windows cmd',
  'credentials-file': '~/.aws/credentials profile',
  'credential-process': 'credential_process JSON',
  dotenv: '.env',
};

/** The pickers' options, in the list's order. */
export const CREDENTIAL_FORMATS: readonly { readonly id: CredentialFormat; readonly label: string }[] =
  CREDENTIAL_FORMAT_IDS.map((id) => ({ id, label: LABELS[id] }));

export interface CredentialsInput {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch ms. */
  readonly expiration: number;
  readonly region?: string | undefined;
  /** Section name for the credentials-file format; sanitised like every generated profile name. */
  readonly profileName: string;
}

type Variable = readonly [name: string, value: string];

/** The environment variables the CLI and SDKs read; both region variables, as SDKs differ in which they read. */
function variables(input: CredentialsInput): Variable[] {
  const vars: Variable[] = [
    ['AWS_ACCESS_KEY_ID', input.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', input.secretAccessKey],
    ['AWS_SESSION_TOKEN', input.sessionToken],
  ];
  if (input.region) vars.push(['AWS_REGION', input.region], ['AWS_DEFAULT_REGION', input.region]);
  return vars;
}

/** Values that cmd's `set` and INI files would misread have no quoting there to save them: refuse them. */
function plain(format: string, [name, value]: Variable): string {
  if (!isPlain(value)) throw new Error(`${name} cannot be written safely as ${format}.`);
  return value;
}

/**
 * .env readers (dotenv, docker compose, python-dotenv) agree on unquoted values without spaces, `#` or quotes,
 * and on single quotes as literal; none agrees on how to escape a single quote, so such a value is refused.
 */
function dotenvValue([name, value]: Variable): string {
  if (isPlain(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  throw new Error(`${name} cannot be written safely as .env.`);
}

function lines(format: CredentialFormat, input: CredentialsInput): string[] {
  const vars = variables(input);
  switch (format) {
    case 'bash':
      return vars.map(([name, value]) => `export ${name}=${quotePosix(value)}`);
    case 'fish':
      return vars.map(([name, value]) => `set -gx ${name} ${quoteFish(value)}`);
    case 'powershell':
      return vars.map(([name, value]) => `$Env:${name} = ${quotePowerShell(value)}`);
    case 'cmd':
      // cmd keeps quotes as part of the value and has no escape that works both typed and in a .bat file;
      // AWS's alphabet (letters, digits, / + =) needs none, and anything else is refused above.
      return vars.map((v) => `set ${v[0]}=${plain('Windows cmd', v)}`);
    case 'dotenv':
      return vars.map((v) => `${v[0]}=${dotenvValue(v)}`);
    case 'credentials-file': {
      const name = sanitiseName(input.profileName) || 'temporary';
      const keys: Variable[] = [
        ['aws_access_key_id', input.accessKeyId],
        ['aws_secret_access_key', input.secretAccessKey],
        ['aws_session_token', input.sessionToken],
      ];
      const out = [`[${name}]`, ...keys.map((v) => `${v[0]} = ${plain('a credentials file', v)}`)];
      // The AWS docs allow only credentials in this file; the region belongs to the config file (botocore
      // happens to read it here too, other SDKs do not), so it is shown as a hint, not as a setting.
      if (input.region) out.push(`# region ${input.region}: set it in ~/.aws/config under [profile ${name}]`);
      return out;
    }
    case 'credential-process':
      // The schema the SDKs expect from a credential_process command (Version 1, ISO-8601 expiration).
      return JSON.stringify(
        {
          Version: 1,
          AccessKeyId: input.accessKeyId,
          SecretAccessKey: input.secretAccessKey,
          SessionToken: input.sessionToken,
          Expiration: new Date(input.expiration).toISOString(),
        },
        null,
        2,
      ).split('\n');
  }
}

/** The credentials as `format`, lines joined by `\n` and ending with one. Throws (naming no value) on bad input. */
export function formatCredentials(format: CredentialFormat, input: CredentialsInput): string {
  assertPrintable('access key id', input.accessKeyId);
  assertPrintable('secret access key', input.secretAccessKey);
  assertPrintable('session token', input.sessionToken);
  if (Number.isNaN(new Date(input.expiration).getTime())) throw new Error('The expiration is not a time.');
  if (input.region !== undefined && input.region !== '' && !isRegion(input.region)) {
    throw new Error('The region is not a region code.');
  }
  return `${lines(format, input).join('\n')}\n`;
}
