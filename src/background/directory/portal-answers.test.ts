import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../messaging/user-facing-error';
import {
  cut,
  MAX_ACCOUNT_NAME,
  MAX_EMAIL,
  MAX_ROLE_NAME,
  readAccountsPage,
  readRolesPage,
} from './portal-answers';

const ID = '111122223333';

describe('readAccountsPage', () => {
  it('keeps well-formed entries as they are, naming an unnamed account by its id', () => {
    expect(
      readAccountsPage({
        accountList: [
          { accountId: ID, accountName: 'prod', emailAddress: 'a@example.com' },
          { accountId: '444455556666' },
        ],
        nextToken: 'n1',
      }),
    ).toEqual({
      items: [
        { accountId: ID, accountName: 'prod', emailAddress: 'a@example.com' },
        { accountId: '444455556666', accountName: '444455556666', emailAddress: '' },
      ],
      skipped: 0,
      nextToken: 'n1',
    });
  });

  it('skips and counts entries of the wrong type or shape, keeping the rest', () => {
    const page = readAccountsPage({
      accountList: [
        { accountId: 111122223333 },
        { accountId: ID, accountName: { html: '<b>' } },
        { accountId: ID, emailAddress: ['a'] },
        { accountId: '1234' },
        { accountId: 'javascript:alert(1)' },
        { accountName: 'no id' },
        'junk',
        null,
        7,
        { accountId: '999988887777', accountName: 'ok' },
      ],
    });
    expect(page.items.map((a) => a.accountId)).toEqual(['999988887777']);
    expect(page.skipped).toBe(9);
    expect(page.nextToken).toBeUndefined();
  });

  it('cuts names too long to be AWS’s, and drops an e-mail address too long to be one', () => {
    const page = readAccountsPage({
      accountList: [
        { accountId: ID, accountName: 'n'.repeat(1024 * 1024), emailAddress: 'e'.repeat(MAX_EMAIL + 1) },
      ],
    });
    const [account] = page.items;
    expect(account?.accountName).toHaveLength(MAX_ACCOUNT_NAME);
    expect(account?.accountName.endsWith('n…')).toBe(true);
    expect(account?.emailAddress).toBe('');
    expect(page.skipped).toBe(0);
  });

  it.each([
    ['a list that is an object', { accountList: { 0: { accountId: ID } } }],
    ['a list that is a string', { accountList: 'x' }],
    ['a next token that is a number', { accountList: [], nextToken: 5 }],
    ['no object at all', null],
  ])('refuses %s whole, in our own words', (_, answer) => {
    expect(() => readAccountsPage(answer)).toThrow(
      new UserFacingError('AWS sent an account list the extension could not read.'),
    );
  });

  it('reads an answer with no list as an empty page', () => {
    expect(readAccountsPage({})).toEqual({ items: [], skipped: 0 });
  });
});

describe('readRolesPage', () => {
  it('keeps role names, skipping those of the wrong type, empty or too long to be AWS’s', () => {
    const page = readRolesPage({
      roleList: [
        { roleName: 'AdministratorAccess', accountId: ID },
        { roleName: 5 },
        { roleName: '' },
        { roleName: 'r'.repeat(MAX_ROLE_NAME + 1) },
        { accountId: ID },
        { roleName: 'ReadOnly<script>alert(1)</script>' },
      ],
      nextToken: 'n2',
    });
    expect(page).toEqual({
      items: ['AdministratorAccess', 'ReadOnly<script>alert(1)</script>'],
      skipped: 4,
      nextToken: 'n2',
    });
  });

  it('refuses a role list that is not a list', () => {
    expect(() => readRolesPage({ roleList: { roleName: 'x' } })).toThrow(
      new UserFacingError('AWS sent a role list the extension could not read.'),
    );
  });
});

describe('cut', () => {
  it('leaves short text alone and never splits a surrogate pair', () => {
    expect(cut('short', 10)).toBe('short');
    expect(cut('abcdef', 4)).toBe('abc…');
    // "🚀" is two UTF-16 units; cutting between them would leave half a character.
    expect(cut('ab🚀cd', 4)).toBe('ab…');
  });
});
