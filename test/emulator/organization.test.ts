import { describe, expect, it } from 'vitest';
import {
  createOrganization,
  HOSTILE_ACCOUNT_NAMES,
  PERMISSION_SETS,
  reservedRoleName,
} from './organization.ts';

describe('seeded organisation', () => {
  it('is deterministic for a seed and different across seeds', () => {
    const a = createOrganization({ seed: 42, accounts: 30 });
    expect(createOrganization({ seed: 42, accounts: 30 })).toEqual(a);
    expect(createOrganization({ seed: 43, accounts: 30 })).not.toEqual(a);
  });

  it('has N accounts with unique 12-digit ids, realistic unique names and 1-4 permission sets', () => {
    const { accounts } = createOrganization({ seed: 3, accounts: 60 });
    expect(accounts).toHaveLength(60);
    expect(new Set(accounts.map((a) => a.accountId)).size).toBe(60);
    expect(new Set(accounts.map((a) => a.accountName)).size).toBe(60);
    for (const account of accounts) {
      expect(account.accountId).toMatch(/^\d{12}$/);
      expect(account.accountName).toMatch(/^[a-z]+-[a-z]+-[a-z-]+(-\d+)?$/);
      expect(account.emailAddress).toContain('@');
      expect(account.roles.length).toBeGreaterThanOrEqual(1);
      expect(account.roles.length).toBeLessThanOrEqual(4);
      expect(new Set(account.roles).size).toBe(account.roles.length);
      for (const role of account.roles) expect(PERMISSION_SETS).toContain(role);
    }
  });

  it('includes hostile names only when asked, keeping the first account ordinary', () => {
    const hostile = createOrganization({ seed: 1, accounts: 12, hostileNames: true }).accounts;
    expect(hostile.map((a) => a.accountName)).toEqual(expect.arrayContaining(HOSTILE_ACCOUNT_NAMES));
    expect(hostile[0]?.accountName).toMatch(/^[a-z-]+$/);
    expect(hostile.some((a) => a.accountName.length === 200)).toBe(true);
    expect(hostile.flatMap((a) => a.roles).some((r) => r.includes('<script>'))).toBe(true);
    const plain = createOrganization({ seed: 1, accounts: 12 }).accounts.map((a) => a.accountName);
    expect(plain.filter((name) => HOSTILE_ACCOUNT_NAMES.includes(name))).toEqual([]);
  });
});

describe('demo organisation', () => {
  it('has about 40 accounts across prod, staging, dev, sandbox, security and billing', () => {
    const { accounts } = createOrganization('demo');
    expect(accounts.length).toBeGreaterThanOrEqual(35);
    expect(accounts.length).toBeLessThanOrEqual(45);
    for (const env of ['prod', 'staging', 'dev', 'sandbox', 'security', 'billing']) {
      expect(accounts.some((a) => a.accountName.startsWith(`acme-${env}-`))).toBe(true);
    }
    expect(accounts.every((a) => a.roles.length >= 1 && a.roles.length <= 4)).toBe(true);
    expect(createOrganization('demo')).toEqual({ accounts });
  });
});

describe('reserved role names', () => {
  it('look like the roles Identity Center provisions', () => {
    expect(reservedRoleName('123456789012', 'ReadOnlyAccess')).toMatch(
      /^AWSReservedSSO_ReadOnlyAccess_[0-9a-f]{16}$/,
    );
  });
});
