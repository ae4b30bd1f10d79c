/**
 * `npm run emulator -- --port 8443 [--demo] [--accounts N --seed S --hostile] [--latency MS] [--throttle RPS]
 * [--multi-session] [--auto-approve] [--verification device|portal|signin] [--portal-login]`: the emulator on its own, for trying the extension or the AWS CLI by hand.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumHostFlags, type EmulatorOptions, startEmulator } from './index.ts';
import { VERIFICATION_STYLES } from './verification-link.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    host: { type: 'string' },
    region: { type: 'string' },
    'start-url': { type: 'string' },
    demo: { type: 'boolean', default: false },
    accounts: { type: 'string' },
    seed: { type: 'string' },
    hostile: { type: 'boolean', default: false },
    latency: { type: 'string' },
    throttle: { type: 'string' },
    'multi-session': { type: 'boolean', default: false },
    'auto-approve': { type: 'boolean', default: false },
    verification: { type: 'string', default: 'device' },
    'portal-login': { type: 'boolean', default: false },
    'dual-stack': { type: 'boolean' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run emulator -- [--port 8443] [--demo | --accounts N --seed S --hostile]
       [--latency MS] [--throttle RPS] [--multi-session] [--auto-approve] [--region R] [--start-url URL]
       [--verification device|portal|signin]   which page device sign-ins link to (docs/aws-protocol.md §5)
       [--portal-login]   the portal app sends visitors to sign in on signin.aws first, and back
       [--dual-stack]   (the instance moved to the dual-stack endpoints; default: when the start URL is on app.aws)`);
  process.exit(0);
}

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${value}`);
  return n;
}

const throttle = int('throttle', values.throttle);
const verification = VERIFICATION_STYLES.find((style) => style === values.verification);
if (!verification) {
  throw new Error(
    `--verification must be one of ${VERIFICATION_STYLES.join(', ')}, got ${values.verification}`,
  );
}
const options: EmulatorOptions = {
  port: int('port', values.port) ?? 8443,
  ...(values.host ? { host: values.host } : {}),
  ...(values.region ? { region: values.region } : {}),
  ...(values['start-url'] ? { startUrl: values['start-url'] } : {}),
  organization: values.demo
    ? 'demo'
    : {
        seed: int('seed', values.seed) ?? 1,
        accounts: int('accounts', values.accounts) ?? 12,
        hostileNames: values.hostile,
      },
  latencyMs: int('latency', values.latency) ?? 0,
  // A burst of twice the rate lets a client's first fan-out through, as a real bucket would.
  throttle: throttle ? { ratePerSecond: throttle, burst: Math.max(1, Math.ceil(throttle * 2)) } : null,
  multiSession: values['multi-session'],
  autoApprove: values['auto-approve'],
  verification,
  portalLogin: values['portal-login'],
  ...(values['dual-stack'] !== undefined ? { dualStack: values['dual-stack'] } : {}),
};

const emulator = await startEmulator(options);
const pemPath = join(tmpdir(), `aws-sso-emulator-${emulator.port}.pem`);
writeFileSync(pemPath, emulator.certificatePem);
const endpoint = `--endpoint-url ${emulator.baseUrl} --region ${emulator.region}`;

console.log(`AWS emulator listening on ${emulator.baseUrl}
  start URL:        ${emulator.startUrl}
  region:           ${emulator.region}
  accounts:         ${emulator.organization.accounts.length}
  certificate:      ${pemPath}
  SPKI SHA-256:     ${emulator.spkiSha256}
  control API:      ${emulator.baseUrl}/_emulator/state
  device page:      ${emulator.baseUrl}/device/ (or https://device.sso.${emulator.region}.amazonaws.com/ when mapped)
  sign-in links to: the ${verification} page (mapped hosts only; clients that come in by IP get the device page)

Chromium flags (map the AWS hosts here and trust the certificate):
  ${chromiumHostFlags(emulator)
    .map((flag) => `'${flag}'`)
    .join(' \\\n  ')}

AWS CLI against the emulator:
  export AWS_CA_BUNDLE=${pemPath}
  aws sso-oidc register-client --client-name demo --client-type public --scopes sso:account:access ${endpoint}
  aws sso-oidc start-device-authorization --client-id ID --client-secret SECRET --start-url ${emulator.startUrl} ${endpoint}
  curl --cacert ${pemPath} -X POST ${emulator.baseUrl}/_emulator/approve -d '{"userCode":"ABCD-EFGH"}'
  aws sso-oidc create-token --client-id ID --client-secret SECRET --grant-type urn:ietf:params:oauth:grant-type:device_code --device-code CODE ${endpoint}
  aws sso list-accounts --access-token TOKEN ${endpoint}

Ctrl+C stops it.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
