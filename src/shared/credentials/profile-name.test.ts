import { describe, expect, it } from 'vitest';
import {
  checkProfileTemplate,
  DEFAULT_PROFILE_TEMPLATE,
  profileName,
  sanitiseName,
  uniqueProfileNames,
} from './profile-name';

const PARTS = {
  accountName: 'Acme Production',
  accountId: '111122223333',
  roleName: 'AdministratorAccess',
  portalName: 'acme',
};

/** What every reader (botocore's shlex, configparser, the JS SDK, a shell) takes without quoting. */
const SAFE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

describe('profileName', () => {
  it('fills the default template, keeping case', () => {
    expect(profileName(DEFAULT_PROFILE_TEMPLATE, PARTS)).toBe('Acme-Production.AdministratorAccess');
  });

  it('prefers the alias for {account} and offers each part on its own', () => {
    const parts = { ...PARTS, alias: 'prod' };
    expect(profileName('{account}.{role}', parts)).toBe('prod.AdministratorAccess');
    expect(profileName('{portal}/{accountName}/{accountId}/{role}', parts)).toBe(
      'acme-Acme-Production-111122223333-AdministratorAccess',
    );
    expect(profileName('{account}', { ...PARTS, alias: '  ' })).toBe('Acme-Production');
  });

  it('folds accents and replaces other characters with one dash', () => {
    expect(profileName('{account}', { ...PARTS, accountName: 'Produção – Café  (EU)' })).toBe(
      'Producao-Cafe-EU',
    );
    expect(profileName('{role}', { ...PARTS, roleName: 'Read+Only=Role,x@y' })).toBe('Read-Only-Role-x-y');
  });

  it('falls back to the account id when a name has nothing usable', () => {
    expect(profileName('{account}.{role}', { ...PARTS, accountName: '生产环境' })).toBe(
      '111122223333.AdministratorAccess',
    );
    expect(profileName('{account}', { ...PARTS, accountName: '\u202e\u200f' })).toBe('111122223333');
  });

  it('never yields a section header, a line break or the default profile', () => {
    const hostile = [
      'x]\n[profile evil]\nregion = us-east-1',
      '[default]',
      'a = b # c ; d',
      '\u202eorP\u202c \u200f RTL',
      '"quoted" \'name\' \\back\\slash',
      `${'A'.repeat(500)}`,
      '   ',
      '__proto__',
      'default',
    ];
    for (const accountName of hostile) {
      for (const template of ['{account}', '{account}.{role}', '[{account}]']) {
        const name = profileName(template, { ...PARTS, accountName });
        expect(name).toMatch(SAFE);
        expect(name.length).toBeLessThanOrEqual(128);
        expect(name).not.toBe('default');
      }
    }
    expect(profileName('{account}', { ...PARTS, accountName: 'default' })).toBe('default-profile');
    expect(profileName('{account}', { ...PARTS, accountName: '__proto__' })).toBe('proto');
  });

  it('caps a long name so the role still shows', () => {
    const name = profileName('{account}.{role}', { ...PARTS, accountName: 'A'.repeat(500) });
    expect(name).toBe(`${'A'.repeat(48)}.AdministratorAccess`);
  });

  it('keeps unknown placeholders as sanitised text', () => {
    expect(profileName('{nope}.{role}', PARTS)).toBe('nope-.AdministratorAccess');
  });
});

describe('sanitiseName', () => {
  it('trims separators at both ends and collapses dashes', () => {
    expect(sanitiseName(' --.a  -  b._ ')).toBe('a-b');
    expect(sanitiseName('')).toBe('');
  });
});

describe('uniqueProfileNames', () => {
  it('appends -2, -3… to repeats, case-insensitively', () => {
    expect(uniqueProfileNames(['a', 'b', 'a', 'A', 'a'])).toEqual(['a', 'b', 'a-2', 'A-3', 'a-4']);
  });

  it('never takes a name that appears literally elsewhere', () => {
    expect(uniqueProfileNames(['a', 'a', 'a-2'])).toEqual(['a', 'a-3', 'a-2']);
    expect(uniqueProfileNames(['a-2', 'a', 'a'])).toEqual(['a-2', 'a', 'a-3']);
  });

  it('is deterministic and leaves unique lists alone', () => {
    const names = ['x', 'y', 'x', 'x-2', 'y'];
    expect(uniqueProfileNames(names)).toEqual(uniqueProfileNames([...names]));
    expect(uniqueProfileNames(['p', 'q'])).toEqual(['p', 'q']);
    expect(uniqueProfileNames([])).toEqual([]);
  });
});

describe('checkProfileTemplate', () => {
  it('accepts templates with known placeholders', () => {
    for (const t of [DEFAULT_PROFILE_TEMPLATE, '{portal}-{accountId}-{role}', 'sso.{accountName}']) {
      expect(checkProfileTemplate(t)).toBeNull();
    }
  });

  it.each([
    ['', /Enter a template/],
    ['   ', /Enter a template/],
    ['{account}.{rol}', /Unknown placeholder \{rol\}/],
    ['{Account}', /Unknown placeholder \{Account\}/],
    ['{}', /Unknown placeholder \{\}/],
    ['{account}.{role', /no partner/],
    ['account}.{role}', /no partner/],
    ['static-name', /at least one placeholder/],
    [`{role}${'x'.repeat(300)}`, /under 200/],
  ])('rejects %j', (template, message) => {
    expect(checkProfileTemplate(template)).toMatch(message);
  });
});
