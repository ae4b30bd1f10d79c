import { describe, expect, it } from 'vitest';
import { type RoleEntry, type RoleUsage, roleKey } from './model';
import { buildSearchIndex, queryKey, type RankingSignals, type SearchHit, search } from './search';
import { fold } from './search-normalise';
import { FAVOURITE_BOOST, FRECENCY_MAX, frecency, HALF_LIFE_MS } from './search-rank';

const NOW = Date.UTC(2025, 0, 15, 12);
const DAY = 86_400_000;

function account(
  accountName: string,
  roles: string[],
  extra: Partial<Omit<RoleEntry, 'roleName'>> = {},
): RoleEntry[] {
  const accountId = extra.accountId ?? String(100000000000 + (hash(accountName) % 899999999999));
  return roles.map((roleName) => ({
    portalId: 'p1',
    accountId,
    accountName,
    emailAddress: `aws+${accountName}@example.com`,
    roleName,
    ...extra,
  }));
}

function hash(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
  return h;
}

function signals(over: Partial<RankingSignals> = {}): RankingSignals {
  return { favoriteAccounts: new Set(), favoriteRoles: new Set(), usage: new Map(), now: NOW, ...over };
}

const label = (h: SearchHit) => `${h.entry.alias ?? h.entry.accountName}/${h.entry.roleName}`;
const labels = (hits: SearchHit[]) => hits.map(label);
const accountKey = (e: RoleEntry) => `${e.portalId}/${e.accountId}`;

const DIRECTORY: RoleEntry[] = [
  ...account('acme-prod', ['AdministratorAccess', 'ReadOnlyAccess'], { accountId: '111111111111' }),
  ...account('acme-dev', ['AdministratorAccess', 'PowerUserAccess'], { accountId: '123456789012' }),
  ...account('Café-Paris', ['Billing'], { accountId: '210987654321', emailAddress: 'compta@café.fr' }),
  ...account('shared-services', ['NetworkAdministrator'], {
    accountId: '999912345678',
    alias: 'Network Hub',
  }),
  ...account('reproduction-lab', ['ViewOnlyAccess'], { accountId: '555555555555' }),
  ...account('prod', ['ReadOnlyAccess'], {
    accountId: '444444444444',
    emailAddress: 'root@prod.example.com',
  }),
  ...account('HTTPServerFarm', ['ReadOnlyAccess'], { accountId: '333333333333' }),
  ...account('متجر-prod', ['ReadOnlyAccess'], {
    accountId: '666666666666',
    emailAddress: 'shop@example.com',
  }),
  ...account('Straße-Ops', ['Billing'], { accountId: '777777777777' }),
];
const INDEX = buildSearchIndex(DIRECTORY);
const all = (query: string, s = signals()) => search(INDEX, query, s, Number.POSITIVE_INFINITY);

describe('matching', () => {
  it.each<[query: string, found: string[]]>([
    ['prod admin', ['acme-prod/AdministratorAccess']],
    ['admin prod', ['acme-prod/AdministratorAccess']],
    ['  ADMIN \t PROD  ', ['acme-prod/AdministratorAccess']],
    ['acme prod administratoraccess', ['acme-prod/AdministratorAccess']],
    ['cafe', ['Café-Paris/Billing']],
    ['CAFÉ', ['Café-Paris/Billing']],
    ['café paris', ['Café-Paris/Billing']],
    ['compta@cafe', ['Café-Paris/Billing']],
    ['strasse', ['Straße-Ops/Billing']],
    ['STRAßE', ['Straße-Ops/Billing']],
    ['1234-5678-9012', ['acme-dev/AdministratorAccess', 'acme-dev/PowerUserAccess']],
    ['123456789012', ['acme-dev/AdministratorAccess', 'acme-dev/PowerUserAccess']],
    ['9012 1234 5678', ['acme-dev/AdministratorAccess', 'acme-dev/PowerUserAccess']],
    [
      '5678',
      ['acme-dev/AdministratorAccess', 'acme-dev/PowerUserAccess', 'Network Hub/NetworkAdministrator'],
    ],
    ['network hub', ['Network Hub/NetworkAdministrator']],
    ['server', ['HTTPServerFarm/ReadOnlyAccess']],
    ['متجر', ['متجر-prod/ReadOnlyAccess']],
    ['power dev', ['acme-dev/PowerUserAccess']],
    ['xyz-not-found', []],
    ['prod xyz', []],
    ['.*', []],
    ['[a-z]+', []],
  ])('%j finds %j', (query, found) => {
    expect(labels(all(query)).sort()).toEqual([...found].sort());
  });

  it('matches a literal dot, not any character', () => {
    expect(labels(all('prod.example'))).toEqual(['prod/ReadOnlyAccess']);
  });

  it('keeps a dashed term that is not an account id as literal text', () => {
    const index = buildSearchIndex(account('backup-2024-01', ['Billing']));
    expect(search(index, '2024-01', signals())).toHaveLength(1);
  });

  it('matches through invisible bidi and zero-width characters', () => {
    const index = buildSearchIndex(account('\u202eacme\u200b-prod', ['Billing']));
    expect(search(index, 'acme-prod', signals())).toHaveLength(1);
    expect(search(index, '\u2066prod', signals())).toHaveLength(1);
  });
});

describe('ranking', () => {
  type Row = [why: string, entries: RoleEntry[], query: string, order: string[]];
  it.each<Row>([
    [
      'exact field, then start of field, then start of word, then mid-word',
      [...account('reproduce', ['R']), ...account('acme-prod', ['R']), ...account('prod-eu', ['R'])].concat(
        account('prod', ['R']),
      ),
      'prod',
      ['prod/R', 'prod-eu/R', 'acme-prod/R', 'reproduce/R'],
    ],
    [
      'camelCase humps are word starts',
      account('a', ['Backaccess', 'ReadOnlyAccess', 'AdministratorAccess']),
      'access',
      ['a/AdministratorAccess', 'a/ReadOnlyAccess', 'a/Backaccess'],
    ],
    [
      'an acronym ends where the next word starts',
      [...account('aserver', ['R']), ...account('HTTPServer', ['R'])],
      'server',
      ['HTTPServer/R', 'aserver/R'],
    ],
    [
      'account name weighs more than email',
      [
        ...account('aardvark', ['R'], { emailAddress: 'billing@example.com' }),
        ...account('billing-team', ['R'], { emailAddress: 'x@example.com' }),
      ],
      'billing',
      ['billing-team/R', 'aardvark/R'],
    ],
    [
      'alias weighs more than email',
      [
        ...account('aaa', ['R'], { emailAddress: 'payments@example.com' }),
        ...account('two', ['R'], { alias: 'payments-eu', emailAddress: 'x@example.com' }),
      ],
      'payments',
      ['payments-eu/R', 'aaa/R'],
    ],
    [
      'account id by prefix before id by substring',
      [
        ...account('b', ['R'], { accountId: '999912340000' }),
        ...account('a', ['R'], { accountId: '123400000000' }),
      ],
      '1234',
      ['a/R', 'b/R'],
    ],
    [
      'equal matches alphabetically, by alias when set, then role',
      [
        ...account('zulu', ['B', 'A']),
        ...account('yankee', ['A'], { alias: 'alpha' }),
        ...account('mike', ['A']),
      ],
      'a',
      ['alpha/A', 'mike/A', 'zulu/A', 'zulu/B'],
    ],
  ])('%s', (_why, entries, query, order) => {
    expect(labels(search(buildSearchIndex(entries), query, signals()))).toEqual(order);
  });

  const pair = [...account('acme-a', ['R']), ...account('acme-b', ['R'])];
  const b = pair[1] as RoleEntry;
  const used = (count: number, daysAgo: number): RoleUsage => ({ count, lastUsedAt: NOW - daysAgo * DAY });
  it.each<[why: string, s: RankingSignals, first: string]>([
    ['no signal: alphabetical', signals(), 'acme-a/R'],
    ['favourite account', signals({ favoriteAccounts: new Set([accountKey(b)]) }), 'acme-b/R'],
    ['favourite role', signals({ favoriteRoles: new Set([roleKey(b)]) }), 'acme-b/R'],
    ['used', signals({ usage: new Map([[roleKey(b), used(1, 30)]]) }), 'acme-b/R'],
    [
      'used more often, equally recently',
      signals({
        usage: new Map([
          [roleKey(pair[0] as RoleEntry), used(2, 1)],
          [roleKey(b), used(20, 1)],
        ]),
      }),
      'acme-b/R',
    ],
    [
      'used as often, more recently',
      signals({
        usage: new Map([
          [roleKey(pair[0] as RoleEntry), used(5, 20)],
          [roleKey(b), used(5, 2)],
        ]),
      }),
      'acme-b/R',
    ],
    [
      'a favourite beats heavy recent use',
      signals({
        favoriteAccounts: new Set([accountKey(pair[0] as RoleEntry)]),
        usage: new Map([[roleKey(b), used(1_000_000, 0)]]),
      }),
      'acme-a/R',
    ],
  ])('boost: %s', (_why, s, first) => {
    expect(label(search(buildSearchIndex(pair), 'acme', s)[0] as SearchHit)).toBe(first);
  });

  it('boosts never lift a mid-word match above a word-start match, nor a prefix above an exact match', () => {
    const entries = [
      ...account('reproduce', ['R']),
      ...account('acme-prod', ['R']),
      ...account('prod', ['R']),
    ];
    const everything = signals({
      favoriteAccounts: new Set(entries.slice(0, 2).map(accountKey)),
      usage: new Map(entries.slice(0, 2).map((e) => [roleKey(e), used(10_000, 0)])),
    });
    expect(labels(search(buildSearchIndex(entries), 'prod', everything))).toEqual([
      'prod/R',
      'acme-prod/R',
      'reproduce/R',
    ]);
  });

  it('frecency halves its weight every 7 days and stays under the favourite boost', () => {
    const f = (u: RoleUsage) => frecency(u, NOW);
    const boostOf = (x: number) => (FRECENCY_MAX * x) / (x + 1);
    expect(f({ count: 1, lastUsedAt: NOW })).toBeCloseTo(boostOf(1));
    expect(f({ count: 1, lastUsedAt: NOW - HALF_LIFE_MS })).toBeCloseTo(boostOf(0.5));
    expect(f({ count: 3, lastUsedAt: NOW - 2 * HALF_LIFE_MS })).toBeCloseTo(boostOf(0.5));
    expect(f({ count: Number.MAX_VALUE, lastUsedAt: NOW + DAY })).toBeLessThan(FAVOURITE_BOOST);
    expect(f({ count: 0, lastUsedAt: NOW })).toBe(0);
    expect(f({ count: Number.NaN, lastUsedAt: NOW })).toBe(0);
    expect(frecency({ count: 1, lastUsedAt: NOW }, Number.NaN)).toBe(0);
  });
});

describe('empty query', () => {
  const entries = [
    ...account('bravo', ['Billing', 'Admin']),
    ...account('alpha', ['Admin']),
    ...account('zulu', ['Admin'], { alias: 'aaa' }),
    ...account('delta', ['Admin', 'Billing']),
    ...account('echo', ['Admin', 'Billing']),
    ...account('foxtrot', ['Admin']),
  ];
  const find = (name: string, role: string) =>
    entries.find((e) => e.accountName === name && e.roleName === role) as RoleEntry;
  const index = buildSearchIndex(entries);

  it('is alphabetical by alias or account name, then role, without signals', () => {
    expect(labels(search(index, '', signals()))).toEqual([
      'aaa/Admin',
      'alpha/Admin',
      'bravo/Admin',
      'bravo/Billing',
      'delta/Admin',
      'delta/Billing',
      'echo/Admin',
      'echo/Billing',
      'foxtrot/Admin',
    ]);
  });

  it('puts favourites first, then used roles by frecency, then the rest alphabetically', () => {
    const s = signals({
      favoriteAccounts: new Set([accountKey(find('delta', 'Admin'))]),
      favoriteRoles: new Set([roleKey(find('foxtrot', 'Admin'))]),
      usage: new Map([
        [roleKey(find('echo', 'Billing')), { count: 3, lastUsedAt: NOW - DAY }],
        [roleKey(find('alpha', 'Admin')), { count: 40, lastUsedAt: NOW - 60 * DAY }],
        [roleKey(find('foxtrot', 'Admin')), { count: 1, lastUsedAt: NOW }],
      ]),
    });
    expect(labels(search(index, '   ', s))).toEqual([
      'foxtrot/Admin',
      'delta/Admin',
      'delta/Billing',
      'echo/Billing',
      'alpha/Admin',
      'aaa/Admin',
      'bravo/Admin',
      'bravo/Billing',
      'echo/Admin',
    ]);
  });

  it('forgets the signals of the previous search', () => {
    search(index, '', signals({ favoriteAccounts: new Set([accountKey(find('foxtrot', 'Admin'))]) }));
    expect(label(search(index, '', signals())[0] as SearchHit)).toBe('aaa/Admin');
  });

  it('applies an account favourite to every run of its entries and only in its portal', () => {
    const other = { ...find('bravo', 'Admin'), portalId: 'p2', roleName: 'Other' };
    const scattered = [find('bravo', 'Admin'), find('alpha', 'Admin'), find('bravo', 'Billing'), other];
    const s = signals({ favoriteAccounts: new Set([accountKey(find('bravo', 'Admin'))]) });
    expect(labels(search(buildSearchIndex(scattered), '', s))).toEqual([
      'bravo/Admin',
      'bravo/Billing',
      'alpha/Admin',
      'bravo/Other',
    ]);
  });
});

describe('highlights', () => {
  type Row = [entry: RoleEntry, query: string, matches: SearchHit['matches']];
  const one = (name: string, role: string, extra: Partial<RoleEntry> = {}) =>
    account(name, [role], { emailAddress: 'x@y.z', ...extra })[0] as RoleEntry;
  it.each<Row>([
    [
      one('acme-prod', 'AdministratorAccess', { emailAddress: 'aws+acme-prod@example.com' }),
      'prod admin',
      [
        { field: 'accountName', start: 5, end: 9 },
        { field: 'emailAddress', start: 9, end: 13 },
        { field: 'roleName', start: 0, end: 5 },
      ],
    ],
    [one('Café-Paris', 'R'), 'cafe', [{ field: 'accountName', start: 0, end: 4 }]],
    [one('Straße-Ops', 'R'), 'strasse', [{ field: 'accountName', start: 0, end: 6 }]],
    [one('Straße-Ops', 'R'), 'stras', [{ field: 'accountName', start: 0, end: 5 }]],
    [one('e\u0301cole', 'R'), 'ecole', [{ field: 'accountName', start: 0, end: 6 }]],
    [one('🚀-launch', 'R'), 'launch', [{ field: 'accountName', start: 3, end: 9 }]],
    [one('متجر-prod', 'R'), 'prod', [{ field: 'accountName', start: 5, end: 9 }]],
    [
      one('a', 'R', { accountId: '123456789012' }),
      '1234-5678-9012',
      [{ field: 'accountId', start: 0, end: 12 }],
    ],
    [one('a', 'R', { accountId: '123456789012' }), '5678', [{ field: 'accountId', start: 4, end: 8 }]],
    [one('acme-x', 'R'), 'acme acm', [{ field: 'accountName', start: 0, end: 4 }]],
    [one('x', 'R', { alias: 'Prod EU' }), 'eu', [{ field: 'alias', start: 5, end: 7 }]],
  ])('%j, %j', (entry, query, matches) => {
    expect(search(buildSearchIndex([entry]), query, signals())[0]?.matches).toEqual(matches);
  });

  it('highlights nothing for an empty query', () => {
    expect(search(INDEX, '', signals()).every((h) => h.matches.length === 0)).toBe(true);
  });
});

describe('limit', () => {
  const full = all('a');
  it.each<[limit: number | undefined, expected: number]>([
    [undefined, Math.min(200, full.length)],
    [3, 3],
    [1.7, 1],
    [0, 0],
    [-5, 0],
    [Number.NaN, Math.min(200, full.length)],
    [Number.POSITIVE_INFINITY, full.length],
  ])('limit %s returns the best %s', (limit, expected) => {
    expect(search(INDEX, 'a', signals(), limit)).toEqual(full.slice(0, expected));
  });
});

describe('hostile input', () => {
  const hostile = buildSearchIndex([
    ...DIRECTORY,
    ...account('<img src=x onerror=alert(1)>', ['R']),
    ...account('x'.repeat(20_000), ['R']),
    ...account('line\nbreak\ttab', ['R']),
    ...account('\ud800lone\udfffsurrogates', ['R']),
    ...account('İstanbul ΟΔΟΣ ǅemal', ['R']),
    ...account('', ['']),
    {
      portalId: 'p1',
      accountId: 7,
      accountName: null,
      emailAddress: undefined,
      roleName: 'R',
    } as unknown as RoleEntry,
  ]);
  it.each([
    '(',
    '[',
    '\\',
    '.*',
    '$^',
    '?+|{1}',
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    '\u202e',
    '\u0301',
    '🙂'.repeat(500),
    'a'.repeat(10_000),
    'x'.repeat(199),
    ' '.repeat(1000),
    'istanbul οδος',
    'ΟΔΟΣ',
    'dzemal',
    'line break tab',
    'lone surrogates',
    '<img',
  ])('%j never throws', (query) => {
    expect(() => search(hostile, query, signals())).not.toThrow();
  });

  it.each([
    ['istanbul', 1],
    ['οδοσ', 1],
    ['ΟΔΟΣ', 1],
    ['<img src', 1],
    ['break tab', 1],
    ['x'.repeat(199), 1],
  ])('%j finds hostile names', (query, count) => {
    expect(search(hostile, query, signals())).toHaveLength(count);
  });

  it('cuts the query at 200 characters', () => {
    const query = `acme-prod${' '.repeat(200)}no-such-thing`;
    expect(labels(search(INDEX, query, signals()))).toEqual([
      'acme-prod/AdministratorAccess',
      'acme-prod/ReadOnlyAccess',
    ]);
  });

  it.each<[string, unknown]>([
    [
      'wrong types',
      { favoriteAccounts: undefined, favoriteRoles: [7], usage: new Map([['x', null]]), now: 'soon' },
    ],
    ['not iterable', { favoriteAccounts: 7, favoriteRoles: {}, usage: 5, now: NOW }],
    [
      'odd usage rows',
      {
        favoriteAccounts: new Set(['/', '//', 'p1/']),
        favoriteRoles: new Set(),
        usage: [7, [], ['p1/111111111111/ReadOnlyAccess', 3]],
        now: NOW,
      },
    ],
    ['nothing', undefined],
  ])('does not throw on malformed signals: %s', (_why, bad) => {
    expect(search(INDEX, 'prod', bad as RankingSignals).length).toBeGreaterThan(0);
  });

  it('builds an empty index', () => {
    expect(search(buildSearchIndex([]), 'prod', signals())).toEqual([]);
    expect(search(buildSearchIndex([]), '', signals())).toEqual([]);
  });
});

describe('at 10,000 accounts × 3 roles', () => {
  const TEAMS = ['payments', 'search', 'identity', 'data', 'platform', 'mobile', 'ledger'];
  const ENVS = ['prod', 'staging', 'dev', 'sandbox'];
  const ROLES = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'Billing'];
  const big: RoleEntry[] = [];
  for (let a = 0; a < 10_000; a++) {
    const name = `${TEAMS[a % TEAMS.length]}-${ENVS[(a >> 3) % ENVS.length]}-${a}`;
    const accountId = String(100_000_000_000 + ((a * 7_919_113) % 899_999_999_999));
    for (let r = 0; r < 3; r++) {
      big.push({
        portalId: 'p1',
        accountId,
        accountName: name,
        emailAddress: `aws+${name}@acme.example`,
        roleName: ROLES[(a + r) % ROLES.length] as string,
      });
    }
  }
  const index = buildSearchIndex(big);
  const s = signals({
    favoriteAccounts: new Set(big.slice(0, 30).map(accountKey)),
    usage: new Map(big.slice(100, 400).map((e, i) => [roleKey(e), { count: i, lastUsedAt: NOW - i * DAY }])),
  });
  /** The obvious, slow definition: every term is inside some field. */
  const naive = (query: string) =>
    big.filter((e) =>
      query
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .every((t) =>
          [e.accountName, e.accountId, e.emailAddress, e.roleName].some((f) => f.toLowerCase().includes(t)),
        ),
    ).length;

  it('indexes every entry', () => {
    expect(index.size).toBe(30_000);
  });

  it.each(['prod', 'prod admin', 'admin prod', '1234', 'xyz-not-found', 'a', 'ledger dev 77', 'example'])(
    '%j finds exactly what the naive definition finds',
    (query) => {
      expect(search(index, query, s, Number.POSITIVE_INFINITY)).toHaveLength(naive(query));
    },
  );

  it.each(['', 'prod', 'prod admin', '1', 'payments'])(
    '%j: the top 200 are the first 200 of the full ranking',
    (query) => {
      const full = search(index, query, s, Number.POSITIVE_INFINITY);
      const top = search(index, query, s);
      expect(top).toHaveLength(Math.min(200, full.length));
      expect(top).toEqual(full.slice(0, 200));
      for (let i = 1; i < full.length; i++) {
        expect((full[i] as SearchHit).score).toBeLessThanOrEqual((full[i - 1] as SearchHit).score);
      }
    },
  );

  it('finds an account by its dashed id first', () => {
    const e = big[3 * 4321] as RoleEntry;
    const dashed = e.accountId.replace(/(\d{4})(\d{4})(\d{4})/, '$1-$2-$3');
    const hits = search(index, dashed, s);
    expect(hits.slice(0, 3).map((h) => h.entry.accountId)).toEqual([e.accountId, e.accountId, e.accountId]);
    expect(hits).toHaveLength(3);
  });
});

describe('fold', () => {
  it.each([
    ['AdministratorAccess', 'administratoraccess'],
    ['Café', 'cafe'],
    ['ÅNGSTRÖM', 'angstrom'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['a\u200bb\u202ec', 'abc'],
    ['متجر', 'متجر'],
  ])('%j → %j', (input, output) => {
    expect(fold(input)).toBe(output);
  });
});

describe('typing a query one key at a time', () => {
  // search() narrows each keystroke to the accounts the previous query matched: it must find exactly what a
  // search from scratch finds, whatever is typed, deleted or pasted in between.
  const sequences = [
    'prod admin',
    'admin prod',
    'acme-prod',
    '1111-2222',
    '11112222',
    'read only x',
    'pro',
    'prod',
    'pr',
    'p admin',
    'ad pr',
    '-',
    '1-1',
    'readonly',
  ];
  it('finds the same as a fresh search, keystroke after keystroke', () => {
    const index = buildSearchIndex(DIRECTORY);
    for (const text of sequences) {
      for (let i = 1; i <= text.length; i++) {
        const query = text.slice(0, i);
        const fresh = search(buildSearchIndex(DIRECTORY), query, signals(), Number.POSITIVE_INFINITY);
        expect(labels(search(index, query, signals(), Number.POSITIVE_INFINITY)), query).toEqual(
          labels(fresh),
        );
      }
    }
  });
});

describe('queryKey', () => {
  it('is the same for queries that search the same words, so the popup can skip the search', () => {
    const same = ['prod admin', 'prod admin ', '  PROD \t admin', 'prod admin prod', 'Prod ADMIN'];
    for (const query of same) {
      expect(queryKey(query), query).toBe(queryKey('prod admin'));
      const hits = all(query);
      expect(labels(hits), query).toEqual(labels(all('prod admin')));
      expect(
        hits.map((h) => h.matches),
        query,
      ).toEqual(all('prod admin').map((h) => h.matches));
    }
    expect(queryKey('')).toBe(queryKey('   '));
  });

  it('differs when the words do', () => {
    expect(queryKey('prod admin')).not.toBe(queryKey('prod admi'));
    expect(queryKey('prod')).not.toBe(queryKey('prod a'));
    expect(queryKey('1234-5678')).not.toBe(queryKey('12345678'));
  });
});
