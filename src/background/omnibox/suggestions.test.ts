import { describe, expect, it } from 'vitest';
import type { RoleEntry } from '../../shared/directory/model';
import { buildSearchIndex, type RankingSignals, search } from '../../shared/directory/search';
import { describeHit, omniboxView, parseContent, SUGGESTION_LIMIT, suggestionContent } from './suggestions';
import { expectWellFormed } from './xml-well-formed.test-support';

const entry = (over: Partial<RoleEntry> = {}): RoleEntry => ({
  portalId: 'p1',
  accountId: '123456789012',
  accountName: 'acme-prod-identity',
  emailAddress: 'aws+prod-identity@acme.example',
  roleName: 'AdministratorAccess',
  ...over,
});
const signals: RankingSignals = {
  favoriteAccounts: new Set(),
  favoriteRoles: new Set(),
  usage: new Map(),
  now: 0,
};
const one = new Map([['p1', 'Acme']]);
const chrome = { markup: true, portalNames: one };
const firefox = { markup: false, portalNames: one };

function hits(entries: RoleEntry[], query: string) {
  return search(buildSearchIndex(entries), query, signals, SUGGESTION_LIMIT);
}

describe('a suggestion', () => {
  it('marks what matched (Chrome) and shows the account id dimmed', () => {
    const [hit] = hits([entry()], 'prod admin');
    expect(hit && describeHit(hit, chrome)).toBe(
      '<match>Admin</match>istratorAccess · acme-<match>prod</match>-identity  <dim>(123456789012)</dim>',
    );
    expect(hit && describeHit(hit, firefox)).toBe('AdministratorAccess · acme-prod-identity  (123456789012)');
  });

  it('shows the alias first and the account name among the details; the portal only when there are several', () => {
    const [hit] = hits([entry({ alias: 'Identity (prod)', portalId: 'p2' })], 'identity');
    const two = new Map([
      ['p1', 'Acme'],
      ['p2', 'Acme EU'],
    ]);
    expect(hit && describeHit(hit, { markup: false, portalNames: two })).toBe(
      'AdministratorAccess · Identity (prod)  (acme-prod-identity · 123456789012 · Acme EU)',
    );
  });

  it.each([
    ['</match><url>http://evil.example</url>'],
    ['Tom & Jerry <script>alert(1)</script>'],
    ['"\'&amp;&lt;'],
    ['\u202eprod-admin\u202c\n<dim>'],
    ['x'.repeat(5000)],
    ['بيئة الإنتاج'],
    ['\ud800broken'],
  ])('stays well-formed and bounded for the hostile name %j', (name) => {
    const e = entry({ accountName: name, alias: name, emailAddress: `${name}@x` });
    for (const query of ['', 'a', 'match', 'url', 'prod', 'x', '<', '&']) {
      const view = omniboxView(query, hits([e], query), { ...chrome, roleCount: 1 });
      expectWellFormed(view.defaultDescription);
      for (const s of view.suggestions) {
        expectWellFormed(s.description);
        expect(s.content).not.toMatch(/[\n\u202e]/);
      }
      expect(view.defaultDescription.length).toBeLessThan(700);
    }
  });

  it('puts a content in the address bar that names the role and account, and reads back', () => {
    const content = suggestionContent(entry({ alias: 'odd @ name (1)\n' }));
    expect(content).toBe('AdministratorAccess @ odd @ name (1)  (123456789012)');
    expect(parseContent(content)).toEqual({ roleName: 'AdministratorAccess', accountId: '123456789012' });
    expect(parseContent('prod admin')).toBeNull();
  });
});

describe('the rows for a query', () => {
  const directory = [
    entry(),
    entry({ roleName: 'ReadOnlyAccess' }),
    entry({
      accountId: '210987654321',
      accountName: 'acme-dev-identity',
      emailAddress: 'aws+dev@acme.example',
    }),
  ];

  it('says what Enter opens (the best hit) and lists the others', () => {
    const view = omniboxView('prod admin', hits(directory, 'prod admin'), { ...chrome, roleCount: 3 });
    expect(view.defaultDescription).toMatch(
      /^Open <match>Admin<\/match>istratorAccess · acme-<match>prod<\/match>/,
    );
    expect(view.defaultDescription).toContain('Enter: this tab · Alt+Enter: new tab');
    expect(view.suggestions).toEqual([]);
    const broad = omniboxView('identity', hits(directory, 'identity'), { ...chrome, roleCount: 3 });
    expect(broad.suggestions).toHaveLength(2);
  });

  it('says when nothing matches, quoting the query safely', () => {
    const view = omniboxView('</dim>zzz', [], { ...chrome, roleCount: 3 });
    expect(view.defaultDescription).toBe('No role matches “&lt;/dim&gt;zzz”. Try fewer or shorter words.');
    expect(omniboxView('<zzz', [], { ...firefox, roleCount: 3 }).defaultDescription).toBe(
      'No role matches “<zzz”. Try fewer or shorter words.',
    );
  });

  it('says how to start when there is nothing cached, or nothing typed yet', () => {
    expect(omniboxView('prod', [], { ...chrome, roleCount: 0 }).defaultDescription).toMatch(
      /^No AWS accounts yet/,
    );
    const empty = omniboxView('', hits(directory, ''), { ...chrome, roleCount: 3 });
    expect(empty.defaultDescription).toMatch(/^Type an account name/);
    expect(empty.suggestions).toHaveLength(3);
  });
});
