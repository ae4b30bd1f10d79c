import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import schema from '../../../public/managed-schema.json' with { type: 'json' };
import { PreferencesSchema } from '../storage/items';
import { effectiveSettings, lockPath, managedPortalId, type UserSettings } from './effective';
import {
  MANAGED_ACCOUNT_FIELDS,
  MANAGED_PREFERENCE_FIELDS,
  NO_MANAGED_SETTINGS,
  parseManaged,
  readManaged,
} from './managed';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const policy = {
  portals: [
    { startUrl: 'https://acme.awsapps.com/start/#/', region: 'eu-west-1', name: 'Acme' },
    { startUrl: 'https://ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws' },
    { startUrl: 'https://typo.awsapps.com/start', region: 'eu-west-9' },
    'https://not-an-object.awsapps.com/start',
  ],
  accountPrefs: {
    '111122223333': { alias: 'payments-prod', color: '#d13212', tier: 'production', hidden: true },
    '444455556666': { color: 'red', tier: 'normal' },
    'not-an-id': { alias: 'x' },
  },
  preferences: {
    keepSignedIn: false,
    defaultRegion: 'eu-west-1',
    multiSession: 'maybe',
    tagging: { strip: true, pill: 'yes' },
  },
  somethingElse: 1,
};

const user: UserSettings = {
  portals: [
    { id: 'u1', startUrl: 'https://acme.awsapps.com/start', region: 'eu-west-1', name: 'My Acme' },
    { id: 'u2', startUrl: 'https://mine.awsapps.com/start', region: 'us-east-2' },
  ],
  preferences: {
    ...v.parse(PreferencesSchema, {}),
    multiSession: 'on',
    tagging: { strip: false, pill: false, title: false, favicon: true },
  },
  accountPrefs: { '111122223333': { alias: 'pay', favorite: true }, '777788889999': { color: '#00ff00' } },
};

describe('parseManaged', () => {
  it('keeps each valid entry and field, and lists what it ignored', () => {
    const managed = parseManaged(policy);
    expect(managed.portals).toEqual([
      { startUrl: 'https://acme.awsapps.com/start', region: 'eu-west-1', name: 'Acme' },
      { startUrl: 'https://ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws', region: 'us-east-1' },
    ]);
    expect(managed.accountPrefs).toEqual({
      '111122223333': { alias: 'payments-prod', color: '#d13212', tier: 'production' },
      '444455556666': { tier: 'normal' },
    });
    expect(managed.preferences).toEqual({
      keepSignedIn: false,
      defaultRegion: 'eu-west-1',
      tagging: { strip: true },
    });
    expect(managed.problems).toEqual([
      'portals[3]: ignored, expected {startUrl, region, name, ipStack}',
      'portals[2].region: ignored, eu-west-9 is not a region where IAM Identity Center runs',
      'accountPrefs["444455556666"].color: ignored, not a valid value',
      'accountPrefs["not-an-id"]: ignored, expected a 12-digit account id and an object',
      'preferences.multiSession: ignored, not a valid value',
      'preferences.tagging.pill: ignored, not a valid value',
    ]);
  });

  it('never throws, whatever arrives', () => {
    for (const raw of [
      null,
      'x',
      1,
      [],
      { portals: 'x', accountPrefs: [], preferences: 7 },
      { preferences: { tagging: 1 } },
    ]) {
      expect(() => parseManaged(raw)).not.toThrow();
    }
    expect(parseManaged({})).toEqual(NO_MANAGED_SETTINGS);
  });

  it('reads no policy as none: Chrome answers {}, Firefox throws', async () => {
    expect(await readManaged({ get: async () => ({}) })).toEqual(NO_MANAGED_SETTINGS);
    expect(
      await readManaged({ get: () => Promise.reject(new Error('Managed storage manifest not found')) }),
    ).toEqual(NO_MANAGED_SETTINGS);
  });
});

describe('effectiveSettings', () => {
  const effective = effectiveSettings(user, parseManaged(policy));

  it('lets managed values win and locks them; the user’s own settings fill the rest', () => {
    expect(effective.preferences).toMatchObject({
      keepSignedIn: false,
      defaultRegion: 'eu-west-1',
      multiSession: 'on',
      tagging: { strip: true, pill: false, title: false, favicon: true },
    });
    expect(effective.accountPrefs).toEqual({
      '111122223333': { alias: 'payments-prod', color: '#d13212', tier: 'production', favorite: true },
      '444455556666': { tier: 'normal' },
      '777788889999': { color: '#00ff00' },
    });
    expect(effective.locked.has(lockPath.account('111122223333', 'alias'))).toBe(true);
    expect(effective.locked.has(lockPath.account('111122223333', 'favorite'))).toBe(false);
    expect(effective.locked.has(lockPath.preference('tagging', 'strip'))).toBe(true);
    expect(effective.locked.has(lockPath.preference('tagging', 'pill'))).toBe(false);
    expect(effective.locked.has(lockPath.preference('multiSession'))).toBe(false);
  });

  it('keeps the AWS portal this browser found behind a managed company vanity address', () => {
    const vanity = 'https://aws.example-corp.com';
    const resolvedStartUrl = 'https://ssoins-1234567890abcdef.portal.eu-west-1.app.aws';
    const mine: UserSettings = {
      ...user,
      portals: [{ id: 'v1', startUrl: vanity, resolvedStartUrl, region: 'eu-west-1' }],
    };
    const managed = parseManaged({ portals: [{ startUrl: vanity, region: 'eu-west-1', name: 'Corp' }] });
    expect(effectiveSettings(mine, managed).portals).toEqual([
      { id: 'v1', startUrl: vanity, resolvedStartUrl, region: 'eu-west-1', name: 'Corp', managed: true },
    ]);
  });

  it('adopts the user’s own copy of a managed portal (same id, so its sign-in stays) and adds the others', () => {
    const id = managedPortalId('https://ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws');
    expect(effective.portals).toEqual([
      {
        id: 'u1',
        startUrl: 'https://acme.awsapps.com/start',
        region: 'eu-west-1',
        name: 'Acme',
        managed: true,
      },
      { id: 'u2', startUrl: 'https://mine.awsapps.com/start', region: 'us-east-2', managed: false },
      {
        id,
        startUrl: 'https://ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws',
        region: 'us-east-1',
        managed: true,
      },
    ]);
    expect(id).toMatch(/^managed-[0-9a-f]{16}$/);
    expect([...effective.locked].filter((path) => path.startsWith('portals'))).toEqual([
      'portals["u1"]',
      'portals["u1"].region',
      'portals["u1"].name',
      `portals["${id}"]`,
      `portals["${id}"].region`,
    ]);
  });

  it('is the user’s settings, unlocked, without a policy', () => {
    const plain = effectiveSettings(user, NO_MANAGED_SETTINGS);
    expect(plain.locked.size).toBe(0);
    expect(plain.preferences).toEqual(user.preferences);
    expect(plain.portals.every((p) => !p.managed)).toBe(true);
  });
});

describe('public/managed-schema.json', () => {
  type Schema = {
    type?: string;
    $ref?: string;
    properties?: Record<string, Schema>;
    items?: Schema;
    additionalProperties?: Schema;
  };

  it('follows Chrome’s rules: an object at the top without additionalProperties, one type per schema, items for lists', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    const check = (node: Schema, path: string) => {
      expect(typeof node.type === 'string' || typeof node.$ref === 'string', path).toBe(true);
      if (node.type === 'array') expect(node.items, path).toBeDefined();
      for (const [key, child] of Object.entries(node.properties ?? {})) check(child, `${path}.${key}`);
      if (node.items) check(node.items, `${path}[]`);
      if (node.additionalProperties) check(node.additionalProperties, `${path}{}`);
    };
    check(schema as Schema, '');
  });

  it('declares exactly the fields parseManaged reads', () => {
    expect(Object.keys(schema.properties)).toEqual(['portals', 'accountPrefs', 'preferences']);
    expect(Object.keys(schema.properties.accountPrefs.additionalProperties.properties)).toEqual([
      ...MANAGED_ACCOUNT_FIELDS,
    ]);
    expect(Object.keys(schema.properties.preferences.properties)).toEqual([
      ...MANAGED_PREFERENCE_FIELDS,
      'tagging',
    ]);
  });
});
