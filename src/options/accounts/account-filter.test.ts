import { describe, expect, it } from 'vitest';
import { type AccountRecord, matchAccounts } from './account-filter';

const account = (accountId: string, accountName: string, alias?: string): AccountRecord => ({
  accountId,
  accountName,
  emailAddress: `${accountName}@example.com`,
  portals: ['Demo'],
  prefs: alias ? { alias } : {},
});

const accounts = [
  account('111122223333', 'acme-prod-payments', 'payments'),
  account('444455556666', 'acme-dev-payments'),
  account('777788889999', 'acme-prod-orders'),
];
const names = (query: string) => matchAccounts(accounts, query).map((a) => a.accountName);

describe('matchAccounts', () => {
  it('lists everything for an empty query', () => {
    expect(names('  ')).toHaveLength(3);
  });

  it('needs every word somewhere in name, alias, id or email', () => {
    expect(names('prod pay')).toEqual(['acme-prod-payments']);
    expect(names('PAYMENTS')).toEqual(['acme-prod-payments', 'acme-dev-payments']);
    expect(names('4444-5555-6666')).toEqual(['acme-dev-payments']);
    expect(names('7777')).toEqual(['acme-prod-orders']);
  });

  it('treats * and ? as a pattern over the whole name or alias', () => {
    expect(names('acme-prod-*')).toEqual(['acme-prod-payments', 'acme-prod-orders']);
    expect(names('*-payments')).toEqual(['acme-prod-payments', 'acme-dev-payments']);
    expect(names('pay*')).toEqual(['acme-prod-payments']);
    expect(names('acme-???-payments')).toEqual(['acme-dev-payments']);
    expect(names('acme.prod*')).toEqual([]);
  });
});
