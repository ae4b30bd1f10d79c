import { accountIdFactory, seededRandom } from './random.ts';
import type { Organization } from './types.ts';

/**
 * The organisation `npm start` shows a new user: about 40 accounts named the way real companies name them,
 * with the permission sets such accounts typically carry (read-only in prod, admin in sandboxes, …).
 */
const LAYOUT: { env: string; workloads: string[]; roles: string[] }[] = [
  {
    env: 'prod',
    workloads: [
      'payments',
      'checkout',
      'orders',
      'identity',
      'search',
      'web',
      'mobile-api',
      'data-platform',
      'notifications',
      'inventory',
    ],
    roles: ['ReadOnlyAccess', 'ViewOnlyAccess', 'AdministratorAccess', 'SecurityAudit'],
  },
  {
    env: 'staging',
    workloads: ['payments', 'checkout', 'orders', 'identity', 'search', 'web', 'data-platform'],
    roles: ['PowerUserAccess', 'ReadOnlyAccess', 'DeveloperAccess', 'AdministratorAccess'],
  },
  {
    env: 'dev',
    workloads: ['payments', 'checkout', 'orders', 'identity', 'search', 'web', 'data-platform', 'ml'],
    roles: ['AdministratorAccess', 'DeveloperAccess', 'PowerUserAccess', 'ReadOnlyAccess'],
  },
  { env: 'sandbox', workloads: ['alice', 'bob', 'carol', 'dave', 'erin'], roles: ['AdministratorAccess'] },
  {
    env: 'security',
    workloads: ['audit', 'log-archive', 'tooling', 'incident-response'],
    roles: ['SecurityAudit', 'ReadOnlyAccess', 'AdministratorAccess'],
  },
  { env: 'billing', workloads: ['management', 'cost-reports'], roles: ['Billing', 'ViewOnlyAccess'] },
  {
    env: 'shared',
    workloads: ['networking', 'ci-cd', 'artifacts', 'dns'],
    roles: ['PowerUserAccess', 'ReadOnlyAccess', 'AdministratorAccess'],
  },
];

export function demoOrganization(): Organization {
  const rand = seededRandom(2024);
  const nextId = accountIdFactory(rand);
  const accounts = LAYOUT.flatMap(({ env, workloads, roles }) =>
    workloads.map((workload) => {
      const name = `acme-${env}-${workload}`;
      // Keep the first (most typical) set, then a deterministic 0-3 of the others: 1-4 per account.
      const extra = roles.slice(1).filter(() => rand() < 0.6);
      return {
        accountId: nextId(),
        accountName: name,
        emailAddress: `aws+${env}-${workload}@acme.example`,
        roles: [roles[0] as string, ...extra],
      };
    }),
  );
  return { accounts };
}
