import { createHash } from 'node:crypto';
import { HOSTILE_TEXT } from '../fixtures/hostile-text.ts';
import { demoOrganization } from './demo-organization.ts';
import { accountIdFactory, pick, seededRandom } from './random.ts';
import type { Organization, OrganizationAccount, OrganizationOptions } from './types.ts';

export const PERMISSION_SETS = [
  'AdministratorAccess',
  'ReadOnlyAccess',
  'PowerUserAccess',
  'Billing',
  'ViewOnlyAccess',
  'SecurityAudit',
  'DeveloperAccess',
] as const;

/**
 * Names a real organisation cannot have, to prove every UI escapes, truncates and lays out any text. The
 * payloads set a marker if they ever run (test/fixtures/hostile-text.ts). Eleven: every account of a
 * 12-account organisation but the first gets one.
 */
export const HOSTILE_ACCOUNT_NAMES = [
  HOSTILE_TEXT.img,
  `prod-${'very-long-account-name-'.repeat(9)}end`.slice(0, 200),
  '🚀 prod émoji ünïcödé 账户 ✨',
  'حساب-الإنتاج-الرئيسي',
  'חשבון-פיתוח-ראשי',
  `"quoted' & <b>bold</b> \${template} {{moustache}}`,
  HOSTILE_TEXT.script,
  HOSTILE_TEXT.javascriptUrl,
  HOSTILE_TEXT.rtl,
  HOSTILE_TEXT.zeroWidth,
  HOSTILE_TEXT.long,
];
export const HOSTILE_ROLE_NAME = 'ReadOnly<script>alert("role")</script>';

const COMPANIES = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'wayne'];
const ENVIRONMENTS = ['prod', 'prod', 'staging', 'dev', 'dev', 'sandbox', 'security', 'shared', 'billing'];
const WORKLOADS = [
  'payments',
  'checkout',
  'orders',
  'identity',
  'search',
  'web',
  'mobile-api',
  'data-platform',
  'analytics',
  'ml-training',
  'notifications',
  'inventory',
  'reporting',
  'networking',
  'ci-cd',
  'logging',
];

function generated(seed: number, count: number, hostile: boolean): Organization {
  const rand = seededRandom(seed);
  const company = pick(rand, COMPANIES);
  const nextId = accountIdFactory(rand);
  const names = new Set<string>();
  const accounts: OrganizationAccount[] = [];
  for (let i = 0; i < count; i++) {
    let name = `${company}-${pick(rand, ENVIRONMENTS)}-${pick(rand, WORKLOADS)}`;
    for (let n = 2; names.has(name); n++) name = `${name.replace(/-\d+$/, '')}-${n}`;
    names.add(name);
    const shuffled: string[] = [...PERMISSION_SETS];
    for (let j = shuffled.length - 1; j > 0; j--) {
      const k = Math.floor(rand() * (j + 1));
      [shuffled[j], shuffled[k]] = [shuffled[k] as string, shuffled[j] as string];
    }
    const roles = shuffled.slice(0, 1 + Math.floor(rand() * 4));
    accounts.push({
      accountId: nextId(),
      accountName: name,
      emailAddress: `aws+${name}@${company}.example`,
      roles,
    });
  }
  if (hostile) {
    // Index 0 stays ordinary so "the first account" in tests is still a plain one.
    HOSTILE_ACCOUNT_NAMES.forEach((name, i) => {
      const account = accounts[i + 1];
      if (account) account.accountName = name;
    });
    accounts[1]?.roles.push(HOSTILE_ROLE_NAME);
  }
  return { accounts };
}

export function createOrganization(options: OrganizationOptions | undefined): Organization {
  if (options === 'demo') return demoOrganization();
  return generated(options?.seed ?? 1, options?.accounts ?? 12, options?.hostileNames ?? false);
}

/** IAM role the permission set provisions in an account: `AWSReservedSSO_<PermissionSet>_<16 hex>`. */
export function reservedRoleName(accountId: string, permissionSet: string): string {
  const suffix = createHash('sha256').update(`${accountId}/${permissionSet}`).digest('hex').slice(0, 16);
  return `AWSReservedSSO_${permissionSet}_${suffix}`;
}
