/**
 * Directory search at the scale: 10,000 accounts × 3 roles. Prints build time and p50/p95 per
 * query. Run: `npx tsx bench/search.bench.ts`. Numbers, not assertions: the budget is 16 ms from
 * keystroke to rendered results (p95), of which search should take a small part.
 */
import type { RoleEntry, RoleUsage } from '../src/shared/directory/model';
import { roleKey } from '../src/shared/directory/model';
import { buildSearchIndex, type RankingSignals, search } from '../src/shared/directory/search';

const ACCOUNTS = 10_000;
const ROLES = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'ViewOnlyAccess', 'Billing'];
const TEAMS = ['payments', 'search', 'identity', 'data', 'platform', 'mobile', 'ledger', 'growth', 'café'];
const ENVS = ['prod', 'staging', 'dev', 'sandbox', 'qa'];

/** Deterministic, so runs compare. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Shaped like the real input: a directory as read back from storage (JSON, so every string is flat and
 * its own), flattened into one entry per role the way the popup does, sharing the account's strings.
 */
function entries(): RoleEntry[] {
  const random = rng(42);
  const accounts = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const team = TEAMS[a % TEAMS.length];
    const env = ENVS[Math.floor(a / TEAMS.length) % ENVS.length];
    accounts.push({
      accountId: String(Math.floor(random() * 1e12)).padStart(12, '0'),
      accountName: `acme-${team}-${env}-${a}`,
      emailAddress: `aws+${team}-${env}-${a}@acme.example.com`,
      roles: [0, 1, 2].map((r) => ({ roleName: ROLES[(a + r) % ROLES.length] as string })),
      alias: a % 20 === 0 ? `${team} ${env} main` : undefined,
    });
  }
  const stored: typeof accounts = JSON.parse(JSON.stringify(accounts));
  return stored.flatMap((account) =>
    account.roles.map((role) => ({
      portalId: 'p1',
      accountId: account.accountId,
      accountName: account.accountName,
      emailAddress: account.emailAddress,
      roleName: role.roleName,
      alias: account.alias,
    })),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function time(runs: number, fn: () => void): { p50: number; p95: number } {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((x, y) => x - y);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

const data = entries();
const now = Date.now();
const usage = new Map<string, RoleUsage>();
for (let i = 0; i < 500; i++) {
  const e = data[(i * 61) % data.length] as RoleEntry;
  usage.set(roleKey(e), { count: 1 + (i % 40), lastUsedAt: now - i * 3_600_000 });
}
const signals: RankingSignals = {
  favoriteAccounts: new Set(data.slice(0, 60).map((e) => `${e.portalId}/${e.accountId}`)),
  favoriteRoles: new Set(data.slice(300, 330).map(roleKey)),
  usage,
  now,
};

const first = performance.now();
let index = buildSearchIndex(data);
const coldBuild = performance.now() - first;
const build = time(20, () => {
  index = buildSearchIndex(data);
});
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
console.log(`${data.length} entries (${ACCOUNTS} accounts × 3 roles)`);
console.log(
  `build: first (cold, JIT not warm) ${fmt(coldBuild)}, then p50 ${fmt(build.p50)}, p95 ${fmt(build.p95)}`,
);

const queries = [
  '',
  'p',
  'prod',
  'prod admin',
  'admin prod',
  '1234',
  '1234-5678',
  'xyz-not-found',
  'cafe dev',
];
for (const q of queries) {
  for (let i = 0; i < 30; i++) search(index, q, signals);
  const hits = search(index, q, signals, Number.POSITIVE_INFINITY).length;
  const t = time(300, () => search(index, q, signals));
  console.log(
    `search ${JSON.stringify(q).padEnd(16)} p50 ${fmt(t.p50)}  p95 ${fmt(t.p95)}  (${hits} matches)`,
  );
}
